/**
 * `dist/kap-chat-app.js`: the UI, the engine and the built-in knowledge, fetched by the loader
 * (kap-chat.js) from next to itself. Running it only hands the app over to the loader that asked
 * for it; nothing is mounted, and no global is set. Loaded any other way, it does nothing.
 */
import { defaultKnowledge } from '../core';
import { createApp } from './createApp';
import { handOver } from './loadScript';
import type { RestApp } from './restTypes';

const rest: RestApp = { defaultKnowledge, mount: (options) => createApp({ ...options, knowledge: defaultKnowledge, stepwise: true }) };
handOver(rest);
