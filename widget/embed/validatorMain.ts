/**
 * `dist/kap-chat-validator.js`: the knowledge loader with the validator and its messages, fetched
 * by the loader only when the script tag has `data-knowledge-url`. Hands `loadKnowledge` over to
 * the loader that asked for it; nothing else happens.
 */
import { loadKnowledge } from './loadKnowledge';
import { handOver } from './loadScript';
import type { RestValidator } from './restTypes';

const validator: RestValidator = { loadKnowledge };
handOver(validator);
