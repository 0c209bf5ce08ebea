/**
 * The bundle's entry, `dist/kap-chat.js`. Embed it once per page:
 *
 * @example
 * <script src="https://example.com/kap-chat.js" defer
 *   data-booking-url="https://example.com/book" data-accent="#2f6f5e" data-position="right"></script>
 *
 * Calls made before it loads are queued by the stub snippet and replayed:
 *
 * @example
 * <script>window.KapChat = window.KapChat || function () { (KapChat.q = KapChat.q || []).push([].slice.call(arguments)); };</script>
 *
 * `data-knowledge-url` is read into the config; loading it is the knowledge loader's job, which
 * plugs in at `onReady` below and calls `app.applyKnowledge(knowledge)`.
 */
import { init } from './init';

init(document.currentScript ?? document.querySelector<HTMLScriptElement>('script[src*="kap-chat"]'));
