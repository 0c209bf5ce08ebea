import { defaultKnowledge } from '../core';
import { createApp, preparePanelStyles } from './createApp';
import { warnInvalid } from './readConfig';
import type { RestApp } from './restTypes';

/**
 * What `kap-chat-app.js` hands the loader: the app with the built-in knowledge, mounted stepwise
 * (see `AppOptions.stepwise`). It writes the `KapChat:` warning for each attribute the loader could
 * not use: the loader carries no such messages.
 */
export function createRestApp(): RestApp {
  return {
    defaultKnowledge,
    prepare: preparePanelStyles,
    mount: ({ invalid = [], ...options }) => {
      warnInvalid(invalid);
      return createApp({ ...options, knowledge: defaultKnowledge, stepwise: true });
    },
  };
}
