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
 * With `data-knowledge-url`, the knowledge is fetched after the widget is up, validated like the
 * build validates it, and swapped in; on any failure the built-in knowledge stays and one warning
 * says why.
 */
import { defaultKnowledge } from '../core';
import { knowledgeMessages, warn } from './errorMessages';
import { init } from './init';
import { loadKnowledge } from './loadKnowledge';

init(document.currentScript ?? document.querySelector<HTMLScriptElement>('script[src*="kap-chat"]'), {
  onReady(app) {
    const url = app.config.knowledgeUrl;
    if (!url) return;
    void loadKnowledge(url, defaultKnowledge).then((result) => {
      if (result.ok) app.applyKnowledge(result.knowledge);
      else warn(knowledgeMessages.fallback(url, result.reason));
    });
  },
});
