import { errorMessages, logError, warn } from './errorMessages';
import type { KapChatEvent, KapChatEvents, KapChatHandler } from './types';

const EVENTS: readonly KapChatEvent[] = ['open', 'close', 'question', 'booking-click', 'crisis-shown'];

export interface Emitter {
  on<E extends KapChatEvent>(event: E, handler: KapChatHandler<E>): () => void;
  emit<E extends KapChatEvent>(event: E, payload: KapChatEvents[E]): void;
  /** Drops every handler. */
  clear(): void;
}

/** The page's event handlers. A handler that throws is logged; the others still run. */
export function createEmitter(): Emitter {
  const handlers = new Map<KapChatEvent, Set<(payload: unknown) => void>>();
  return {
    on(event, handler) {
      if (!EVENTS.includes(event)) warn(errorMessages.unknownEvent(event));
      else if (typeof handler !== 'function') warn(errorMessages.notAFunction(event));
      else {
        const set = handlers.get(event) ?? new Set();
        handlers.set(event, set.add(handler as (payload: unknown) => void));
        return () => void set.delete(handler as (payload: unknown) => void);
      }
      return () => {};
    },
    emit(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          logError(error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
