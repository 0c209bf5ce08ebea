import type { Knowledge } from '../core';
import type { App, AppOptions } from './createApp';
import type { InvalidAttribute, WidgetConfig } from './readConfig';

/** The files the loader fetches, next to itself. */
export const REST_FILES = { app: 'kap-chat-app.js', validator: 'kap-chat-validator.js' } as const;
export type RestFile = keyof typeof REST_FILES;

/** What `kap-chat-app.js` hands the loader: the UI, the engine and the knowledge. */
export interface RestApp {
  defaultKnowledge: Knowledge;
  /**
   * Work done ahead of `mount`, in a task of its own, with the config and storage `mount` will get:
   * the panel's styles parsed, the theme's colours, the stored session read (see `prepareApp`).
   */
  prepare?(config: WidgetConfig, storage: Storage | null): void;
  /**
   * Mounts the app over the loader's host (see `AppOptions.host`), with the built-in knowledge.
   * `invalid`: the script tag's attributes the loader could not use, which the app reports (the
   * loader carries no messages about them; see `parseConfig`).
   */
  mount(options: Omit<AppOptions, 'knowledge'> & RestMountExtras): App;
}

/** What the loader hands `mount` beside the app's options. */
export interface RestMountExtras {
  /** The script tag's attributes the loader could not use, which the app reports. */
  invalid?: readonly InvalidAttribute[];
  /**
   * With `data-knowledge-url`: the validator the loader is fetching (or has), and where from. The
   * app swaps the knowledge in once it arrives, or says in the console why it could not.
   */
  validator?: { file: Promise<RestValidator> | RestValidator; url: string };
}

/** What `kap-chat-validator.js` hands the loader; fetched only with `data-knowledge-url`. */
export interface RestValidator {
  /**
   * Fetches, merges and validates the knowledge at `url` over `base`. Resolves with it, or with null
   * after one `KapChat:` warning saying why the built-in knowledge stays. Never rejects.
   */
  useKnowledge(url: string, base: Knowledge): Promise<Knowledge | null>;
}

export interface RestFiles {
  app: RestApp;
  validator: RestValidator;
}
