/**
 * `dist/kap-chat-app.js`: the UI, the engine and the built-in knowledge, fetched by the loader
 * (kap-chat.js) from next to itself. Running it only hands the app over to the loader that asked
 * for it; nothing is mounted, and no global is set. Loaded any other way, it does nothing.
 */
import { handOver } from './loadScript';
import { createRestApp } from './restApp';

handOver(createRestApp());
