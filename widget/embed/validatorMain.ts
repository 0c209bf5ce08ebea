/**
 * `dist/kap-chat-validator.js`: the knowledge loader with the validator and its messages, fetched
 * by the loader only when the script tag has `data-knowledge-url`. Hands `useKnowledge` over to
 * the loader that asked for it; nothing else happens.
 */
import { knowledgeMessages, warn } from './errorMessages';
import { loadKnowledge } from './loadKnowledge';
import { handOver } from './loadScript';
import type { RestValidator } from './restTypes';

const validator: RestValidator = {
  async useKnowledge(url, base) {
    const result = await loadKnowledge(url, base);
    if (result.ok) return result.knowledge;
    warn(knowledgeMessages.fallback(url, result.reason));
    return null;
  },
};
handOver(validator);
