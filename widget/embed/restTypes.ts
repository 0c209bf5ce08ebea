import type { Knowledge } from '../core';
import type { App, AppOptions } from './createApp';
import type { loadKnowledge } from './loadKnowledge';

/** The files the loader fetches, next to itself. */
export const REST_FILES = { app: 'kap-chat-app.js', validator: 'kap-chat-validator.js' } as const;
export type RestFile = keyof typeof REST_FILES;

/** What `kap-chat-app.js` hands the loader: the UI, the engine and the knowledge. */
export interface RestApp {
  defaultKnowledge: Knowledge;
  /** Mounts the app over the loader's host (see `AppOptions.host`), with the built-in knowledge. */
  mount(options: Omit<AppOptions, 'knowledge'>): App;
}

/** What `kap-chat-validator.js` hands the loader; fetched only with `data-knowledge-url`. */
export interface RestValidator {
  loadKnowledge: typeof loadKnowledge;
}

export interface RestFiles {
  app: RestApp;
  validator: RestValidator;
}
