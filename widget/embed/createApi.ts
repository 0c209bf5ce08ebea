import type { App } from './createApp';
import type { Emitter } from './createEmitter';
import { errorMessages, guard, warn } from './errorMessages';
import type { KapChatApi, KapChatGlobal, QueuedCall } from './types';

const COMMANDS: readonly (keyof KapChatApi)[] = ['open', 'close', 'toggle', 'ask', 'destroy', 'on'];

/**
 * `window.KapChat`: the API, callable like the stub too (`KapChat('ask', '…')`), so calls made in
 * the stub's style keep working after the bundle has loaded. No method ever throws into the page.
 */
export function createApi(app: Pick<App, 'open' | 'close' | 'toggle' | 'ask' | 'destroy'>, emitter: Emitter, onDestroy: () => void): KapChatGlobal {
  const api: KapChatApi = {
    open: guard(() => app.open()),
    close: guard(() => app.close()),
    toggle: guard(() => app.toggle()),
    ask: guard((text: string) => app.ask(text)),
    destroy: guard(() => {
      app.destroy();
      emitter.clear();
      onDestroy();
    }),
    on: (event, handler) => guard(emitter.on)(event, handler) ?? (() => {}),
  };
  const command = (name: string, ...args: unknown[]) => run(api, [name, ...args]);
  return Object.assign(command, api);
}

/** Runs one queued call, `[method, ...args]`; an unknown method is reported and skipped. */
export function run(api: KapChatApi, call: QueuedCall): void {
  const [name, ...args] = Array.from(call);
  if (!COMMANDS.includes(name as keyof KapChatApi)) return warn(errorMessages.unknownCommand(name));
  guard(api[name as keyof KapChatApi] as (...a: unknown[]) => unknown)(...args);
}

/** Replays the stub's queue, in order. */
export function replay(api: KapChatApi, queue: unknown): void {
  if (!Array.isArray(queue)) return;
  for (const call of queue) {
    if (call && typeof call === 'object' && 'length' in call) run(api, call as QueuedCall);
    else warn(errorMessages.unknownCommand(call));
  }
}
