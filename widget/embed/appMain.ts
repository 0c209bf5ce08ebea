/**
 * `dist/kap-chat-app.js`: the UI, the engine and the built-in knowledge, fetched by the loader
 * (kap-chat.js) from next to itself. Running it only hands the app over to the loader that asked
 * for it; nothing is mounted, and no global is set. Loaded any other way, it does nothing.
 */
import { defaultKnowledge } from '../core';
import { createApp, preparePanelStyles } from './createApp';
import { handOver } from './loadScript';
import { readConfig } from './readConfig';
import type { RestApp } from './restTypes';

const rest: RestApp = {
  defaultKnowledge,
  prepare: preparePanelStyles,
  // The same reading as the loader's, this time with a warning for each invalid attribute.
  mount: ({ attributes, pageUrl, ...options }) =>
    createApp({ ...options, ...(attributes && pageUrl ? { config: readConfig(attributes, pageUrl) } : {}), knowledge: defaultKnowledge, stepwise: true }),
};
handOver(rest);
