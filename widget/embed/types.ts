import type { Route } from '../core';

/**
 * Events of `window.KapChat.on(event, handler)`. Payloads never contain the visitor's words.
 */
export interface KapChatEvents {
  /** Fired when the panel opens (launcher, `open()`, `toggle()`, `ask()`). */
  open: undefined;
  /** Fired when the panel closes (close button, Escape, launcher, `close()`, `toggle()`). */
  close: undefined;
  /** Fired after each visitor turn, typed or a quick reply: how it was answered, not what was asked. */
  question: { route: Route; entryId: string | null };
  /** Fired when the visitor follows a booking link. */
  'booking-click': { href: string };
  /** Fired when a crisis reply appears on screen. */
  'crisis-shown': undefined;
}

export type KapChatEvent = keyof KapChatEvents;
export type KapChatHandler<E extends KapChatEvent> = (payload: KapChatEvents[E]) => void;

/** `window.KapChat`: the one global. Every method is safe to call at any time; none throws. */
export interface KapChatApi {
  /** Opens the panel. */
  open(): void;
  /** Closes the panel. */
  close(): void;
  /** Opens the panel if closed, closes it if open. */
  toggle(): void;
  /** Opens the panel and asks a question as if the visitor typed it, e.g. `KapChat.ask('What is KAP?')`. */
  ask(text: string): void;
  /** Removes the widget, its listeners, timers and stored transcript, and `window.KapChat`. */
  destroy(): void;
  /**
   * Subscribes to an event; returns the function that unsubscribes.
   *
   * @example
   * const off = KapChat.on('booking-click', ({ href }) => analytics.track('book', { href }));
   */
  on<E extends KapChatEvent>(event: E, handler: KapChatHandler<E>): () => void;
}

/** One queued call of the stub snippet: `['ask', 'What is KAP?']`. */
export type QueuedCall = ArrayLike<unknown>;

/**
 * `window.KapChat` before the bundle arrives: the stub snippet, which queues calls.
 *
 * @example
 * window.KapChat = window.KapChat || function () { (KapChat.q = KapChat.q || []).push([].slice.call(arguments)); };
 * KapChat('on', 'booking-click', track);
 */
export interface KapChatStub {
  q?: QueuedCall[];
}

/** `window.KapChat` once loaded: the API, also callable like the stub: `KapChat('open')`. */
export type KapChatGlobal = KapChatApi & ((command: string, ...args: unknown[]) => void);
