/**
 * `npm run size`: every file of dist/ the widget serves, raw and gzipped, when it loads, its target
 * and the ceiling the tests enforce. Exits non-zero over a ceiling (targets are reported, not enforced).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;

export interface WidgetFile {
  file: string;
  /** When a visitor's browser fetches it. */
  loads: string;
  /** The start-up issue's target, gzipped; null where it sets none. */
  target: number | null;
  /**
   * What the tests enforce, set from the measured size with a little room, so no file grows
   * unnoticed (measured: loader 7.84 KB, app 127.8 KB, validator 9.3 KB). kap-chat-app.js holds
   * the safety classifier's model (about 45 KB gzipped, being shrunk by the safety work) and the
   * matcher's topic model (about 17 KB); with them, the app is over the 55 KB target for everything
   * loaded to answer the first question, and without them it would still be about 63 KB (the
   * knowledge about 28 KB, the code about 35 KB). The loader is over its 3 KB target by what its
   * shell carries so that the app takes it over without a jump (the same header, layouts and dark
   * theme, the "Need help now?" control) and so that it still helps when the rest cannot load: the
   * launcher's and the shell's styles (1.9 KB), the shell's DOM (1.5 KB), its words with the
   * booking, contact and every country's crisis links (0.7 KB), beside the API, the config and the
   * loading of the rest (see the README's Size section). The loader's ceiling came down from 8.3 KB
   * when the panel's ink colours, the validator's plumbing and message, and the attribute messages'
   * table moved to the app. The app's ceiling rose by 1 KB with the conversation flow of issue 8
   * (turn words, question and back-reference readings, the states' guards), within the 2 KB that
   * issue allows; and by 1 KB more for retraining, which moves the safety model by a few hundred
   * bytes either way (fc8's retrain: +0.4 KB). And by 1 KB for the start-up work of issue 9's
   * second pass (+0.6 KB: what moved from the loader, the mount's preparation in a task of its own,
   * replies worked out and shown in separate tasks, the compile hint), which put main's fc9
   * retrain (127.65 KB) over 128 KB once merged (128.28 KB).
   */
  ceiling: number;
}

export const WIDGET_FILES: readonly WidgetFile[] = [
  { file: 'dist/kap-chat.js', loads: 'on every page, at once: the loader (launcher, panel shell, config, API)', target: 3 * KB, ceiling: 7.9 * KB },
  {
    file: 'dist/kap-chat-app.js',
    loads: "after the page's load event, or sooner when the visitor points at, focuses or touches the launcher",
    target: null,
    ceiling: 133 * KB,
  },
  { file: 'dist/kap-chat-validator.js', loads: 'only with data-knowledge-url, beside the app', target: null, ceiling: 10 * KB },
];

/** Everything loaded to answer the first question (loader and app), gzipped. */
export const FIRST_ANSWER_TARGET = 55 * KB;

export function bundleSize(file = 'dist/kap-chat.js'): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = WIDGET_FILES.filter((f) => !existsSync(f.file));
  if (missing.length > 0) {
    console.error(`${missing.map((f) => f.file).join(', ')} missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const kb = (n: number) => (n / KB).toFixed(1) + ' KB';
  let over = false;
  console.log(`${'file'.padEnd(28)}${'raw'.padStart(10)}${'gzipped'.padStart(10)}${'target'.padStart(10)}${'ceiling'.padStart(12)}   when it loads`);
  const sizes = WIDGET_FILES.map((f) => ({ ...f, ...bundleSize(f.file) }));
  for (const f of sizes) {
    const result = f.gzip > f.ceiling ? 'OVER CEILING' : f.target !== null && f.gzip > f.target ? `target NOT met (${kb(f.gzip - f.target)} over)` : f.target !== null ? 'target met' : '';
    over ||= f.gzip > f.ceiling;
    console.log(`${f.file.padEnd(28)}${kb(f.raw).padStart(10)}${kb(f.gzip).padStart(10)}${(f.target === null ? '–' : '≤ ' + kb(f.target)).padStart(10)}${('≤ ' + kb(f.ceiling)).padStart(12)}   ${f.loads}${result ? ` [${result}]` : ''}`);
  }
  const first = sizes[0]!.gzip + sizes[1]!.gzip;
  console.log(
    `\nTo answer the first question (loader + app): ${kb(first)} gzipped; target ≤ ${kb(FIRST_ANSWER_TARGET)}: ` +
      (first <= FIRST_ANSWER_TARGET ? 'met' : `NOT met, ${kb(first - FIRST_ANSWER_TARGET)} over (the safety and topic models are about 62 KB of it)`),
  );
  console.log(`Every page pays for the loader alone until the page has loaded: ${kb(sizes[0]!.gzip)} gzipped.`);
  if (over) process.exit(1);
}
