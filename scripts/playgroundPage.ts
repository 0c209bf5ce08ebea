import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `dist/playground.html`: the playground as one file that works opened from disk
 * (`file://`) or hosted anywhere, so a practice can edit, check and export its knowledge without
 * installing anything. It is `demo/playground.html` with the stylesheets, the favicon and
 * `dist/playground.js` inlined, and without the demo site's navigation (marked `demo-site`).
 * Run after the playground bundle is built (vite.config.ts does it in `--mode playground`).
 *
 * @example
 * writePlaygroundPage(process.cwd()); // → 'dist/playground.html'
 */
export function writePlaygroundPage(root: string): string {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const script = read('dist/playground.js');
  // Inside an inline script, "</script" would end it early; "<\/script" means the same to JavaScript.
  const safeScript = script.replace(/<\/script/gi, '<\\/script');
  if (safeScript.includes('<!--')) throw new Error('dist/playground.js contains "<!--", which cannot be inlined safely into playground.html.');
  const favicon = 'data:image/svg+xml,' + encodeURIComponent(read('demo/favicon.svg').trim());

  const page = read('demo/playground.html')
    .replace(/\s*<!-- demo-site\b[\s\S]*?<!-- \/demo-site -->/g, '')
    .replace(/<link rel="icon" href="\/favicon\.svg"[^>]*>/, `<link rel="icon" href="${favicon}" type="image/svg+xml">`)
    .replace(/<link rel="stylesheet" href="\/(site|playground)\.css">/g, (_, name: string) => `<style>\n${read(`demo/${name}.css`)}</style>`)
    .replace(/\s*<script src="\/playground\.js" defer><\/script>/, '')
    .replace(/ data-booking-url="[^"]*"/, '')
    .replace('</body>', () => `<script>\n${safeScript}</script>\n</body>`);
  for (const leftover of ['href="/', 'src="/']) {
    if (page.includes(leftover)) throw new Error(`dist/playground.html still points at the demo site (${leftover}…): it would not work from disk.`);
  }
  const out = join(root, 'dist', 'playground.html');
  writeFileSync(out, page);
  return out;
}
