import { defaultKnowledge } from '../core';
import { createApp, preparePanelStyles } from './createApp';
import { readConfig } from './readConfig';
import type { RestApp } from './restTypes';

/**
 * What `kap-chat-app.js` hands the loader: the app with the built-in knowledge, mounted stepwise
 * (see `AppOptions.stepwise`). It reads the script tag's attributes again, as the loader did, this
 * time with a `KapChat:` warning for each invalid one: the loader carries no such messages.
 */
export function createRestApp(): RestApp {
  return {
    defaultKnowledge,
    prepare: preparePanelStyles,
    mount: ({ attributes, pageUrl, ...options }) =>
      createApp({ ...options, ...(attributes && pageUrl ? { config: readConfig(attributes, pageUrl) } : {}), knowledge: defaultKnowledge, stepwise: true }),
  };
}
