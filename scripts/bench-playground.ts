/**
 * How quickly the playground's form follows typing: `npm run build && npx tsx scripts/bench-playground.ts`.
 *
 * Opens `dist/playground.html` from disk in Chromium, types 60 characters into the first entry's
 * answer, one input event at a time, and prints the median and 90th percentile time from an input
 * to the next task (the form, the preview and the JSON text updated). The check itself runs after
 * a pause in typing (CHECK_DELAY_MS) and is not part of these figures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/chromium';

const PAGE = join(import.meta.dirname, '..', 'dist', 'playground.html');
const KEYSTROKES = 60;

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is missing: install Debian\'s chromium package or set KAPCHAT_CHROMIUM.');
  if (!existsSync(PAGE)) throw new Error('dist/playground.html is missing: run `npm run build` first.');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('#pg-entry-answer');
    const times = await page.evaluate(async (count) => {
      const area = document.querySelector<HTMLTextAreaElement>('#pg-entry-answer')!;
      const out: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        area.value += 'x';
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
        await new Promise((done) => setTimeout(done, 0));
        out.push(performance.now() - start);
      }
      return out;
    }, KEYSTROKES);
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`playground form, one keystroke in an answer: median ${at(0.5)} ms, p90 ${at(0.9)} ms (${KEYSTROKES} keystrokes, dist/playground.html from disk)`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench-playground could not finish: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
