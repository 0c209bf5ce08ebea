import { defaultKnowledge, type Knowledge } from '../core';
import { createApi, replay } from './createApi';
import { createApp, type App } from './createApp';
import { createEmitter } from './createEmitter';
import { errorMessages, guard, warn } from './errorMessages';
import { readConfig } from './readConfig';
import { sessionStorageOrNull } from './sessionStore';
import type { KapChatGlobal, KapChatStub } from './types';

type KapChatWindow = Window & { KapChat?: KapChatGlobal | KapChatStub };

/**
 * Starts the widget for a script tag: reads its `data-` attributes now (while the tag is
 * `document.currentScript`), mounts once the DOM is ready, installs `window.KapChat` and replays the
 * stub's queued calls. Returns the app once mounted, through `onReady`, for the knowledge loader.
 */
export function init(
  script: HTMLOrSVGScriptElement | null,
  { knowledge = defaultKnowledge, win = window as KapChatWindow, onReady }: { knowledge?: Knowledge; win?: KapChatWindow; onReady?: (app: App) => void } = {},
): void {
  const existing = win.KapChat;
  if (existing && typeof (existing as KapChatGlobal).destroy === 'function') return warn(errorMessages.alreadyLoaded);
  const config = readConfig((script as HTMLScriptElement | null)?.dataset ?? {}, win.location.href);

  const start = guard(() => {
    const emitter = createEmitter();
    const app = createApp({ config, knowledge, emit: emitter.emit, storage: sessionStorageOrNull(win), win });
    const api = createApi(app, emitter, () => {
      if (win.KapChat === api) delete win.KapChat;
    });
    const queue = (win.KapChat as KapChatStub | undefined)?.q;
    win.KapChat = api;
    replay(api, queue);
    onReady?.(app);
  });
  const doc = win.document;
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
