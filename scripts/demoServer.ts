/**
 * A small static server for the demo site: `demo/` at the root, the built bundle at
 * `/kap-chat.js`, and the strict Content-Security-Policy on `/csp/`. Used by `npm run demo`,
 * the browser tests and the page benchmark. Serves on 127.0.0.1 only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

const ROOT = resolve(import.meta.dirname, '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Extra routes for tests: path → [status, content type, body]; a missing route falls through to files. */
  routes?: Record<string, { status: number; type: string; body: string; delayMs?: number }>;
}

/** The built files served at the root: the loader, the files it fetches, the playground. */
const DIST_FILE = /^(?:kap-chat(?:-[a-z]+)?\.js|playground\.js|knowledge\.json)$/;

/** Maps a URL path to a file: `/kap-chat*.js` and `/playground.js` → dist, `/knowledge/*.json` → knowledge, everything else → demo/. */
function fileFor(pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (DIST_FILE.test(clean)) return join(ROOT, 'dist', clean);
  if (clean.startsWith('knowledge' + sep) || clean.startsWith('knowledge/')) {
    const file = join(ROOT, clean);
    return file.startsWith(join(ROOT, 'knowledge')) ? file : null;
  }
  let file = join(ROOT, 'demo', clean);
  if (!file.startsWith(join(ROOT, 'demo'))) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return file;
}

export function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = options.routes?.[url.pathname];
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (url.pathname === '/csp' || url.pathname.startsWith('/csp/')) headers['Content-Security-Policy'] = STRICT_CSP;
    if (route) {
      setTimeout(() => {
        response.writeHead(route.status, { ...headers, 'Content-Type': route.type });
        response.end(route.body);
      }, route.delayMs ?? 0);
      return;
    }
    const file = fileFor(url.pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(DIST_FILE.test(url.pathname.slice(1)) ? `dist${url.pathname} is missing: run \`npm run build\` first.` : 'Not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
