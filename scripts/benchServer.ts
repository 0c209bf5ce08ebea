/**
 * The page benchmark's server, run in its own process by `npm run bench:page` so that serving files
 * never competes with the measuring process for its event loop (under tracing that delayed
 * responses by about 150 ms). The demo site as `npm run demo` serves it, plus the reference:
 * `/ref/` is the demo home page embedding `/ref/kap-chat.js`, today's single bundle kept in
 * bench/reference/. Prints one line, `{"url":"http://127.0.0.1:PORT"}`, and serves until its
 * standard input closes or it is stopped.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDemoServer } from './demoServer';

const ROOT = resolve(import.meta.dirname, '..');
const page = readFileSync(join(ROOT, 'demo', 'index.html'), 'utf8').replace('<script src="/kap-chat.js"', '<script src="/ref/kap-chat.js"');
const reference = readFileSync(join(ROOT, 'bench', 'reference', 'kap-chat.js'), 'utf8');

const server = await startDemoServer({
  port: 0,
  routes: {
    '/ref/': { status: 200, type: 'text/html; charset=utf-8', body: page },
    '/ref/kap-chat.js': { status: 200, type: 'text/javascript; charset=utf-8', body: reference },
  },
});
console.log(JSON.stringify({ url: server.url }));
const stop = () => void server.close().then(() => process.exit(0));
process.stdin.on('end', stop).on('close', stop).resume();
process.on('SIGTERM', stop);
