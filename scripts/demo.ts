/**
 * `npm run demo`: builds the widget (the npm script does), then serves the demo site and prints
 * its address. PORT=8080 npm run demo picks the port; by default 5173, or a free one if taken.
 */
import { existsSync } from 'node:fs';
import { startDemoServer } from './demoServer';

if (!existsSync('dist/kap-chat.js')) {
  console.error('dist/kap-chat.js is missing. Run `npm run build` (npm run demo does it for you).');
  process.exit(1);
}

const wanted = Number(process.env.PORT ?? 5173);
const server = await startDemoServer({ port: wanted }).catch(() => startDemoServer({ port: 0 }));
console.log(`Demo site with the widget: ${server.url}/`);
console.log(`  second page:       ${server.url}/approach.html`);
console.log(`  hostile host page: ${server.url}/hostile.html`);
console.log(`  strict CSP page:   ${server.url}/csp/`);
console.log(`  playground:        ${server.url}/playground.html`);
console.log('Press Ctrl+C to stop.');
