/**
 * The loader, `dist/kap-chat.js`: the one file a site embeds, once per page.
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
 * It draws the launcher itself and fetches the rest, `kap-chat-app.js` (and, with
 * `data-knowledge-url`, `kap-chat-validator.js`), from next to itself: see `init`.
 */
import strings from 'virtual:kapchat-fallback';
import { init } from './init';

init(document.currentScript ?? document.querySelector<HTMLScriptElement>('script[src*="kap-chat.js"]'), { strings });
