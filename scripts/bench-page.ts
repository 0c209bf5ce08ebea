/**
 * `npm run bench:page` (builds first): what the widget costs a visitor in a real browser, over
 * fresh loads of the demo home page in Debian's Chromium. Prints median and p95 against the
 * targets and says which are missed; always exits 0, it is a report.
 *
 * How each figure is measured, and why that way:
 *
 * - **Script → launcher (main thread).** A Chromium trace (`devtools.timeline`) of the load gives
 *   the main-thread tasks the bundle runs: `EvaluateScript` for kap-chat.js (compiling what the
 *   background streamer left, and running the top level, which mounts the host, shadow root,
 *   styles and launcher, because a `defer` script runs after parsing) plus any `FunctionCall` into
 *   kap-chat.js (e.g. a DOMContentLoaded handler, were the bundle to wait for one), counted up to
 *   the moment the launcher is in the DOM. That moment is a `performance.mark` set by a
 *   MutationObserver the benchmark installs before the page loads; user-timing marks land on the
 *   same trace clock. Wall-clock timings from outside the page would add the network and the
 *   parser's wait, which are not the widget's cost; `Performance.getMetrics` only gives a
 *   page-wide ScriptDuration. The style and layout of the page that the bundle forces while it
 *   runs (nested `UpdateLayoutTree` / `Layout` events) is part of its cost and shown on its own.
 * - **Click → interactive panel.** Measured in the page: from the click event's `timeStamp` (when
 *   the browser created the input event) until the first frame after the question field got focus
 *   has been produced (`requestAnimationFrame` then a task). That is what a visitor waits for, the
 *   same span as Interaction to Next Paint. After the timing the benchmark types a character and
 *   checks the field took it. The click comes once the page is idle, as a visitor's would.
 * - **Idle warm-up (informative).** The bundle's longest main-thread task after the launcher shows
 *   and before the click (the matcher built in an idle callback). No target, but a task over 50 ms
 *   is a long task: a click landing during it waits.
 *
 * Tracing itself slows the page a little, so the figures lean pessimistic.
 */
import { availableParallelism } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/chromium';
import { startDemoServer } from './demoServer';

const LOADS = 20;
const WARM_UP_LOADS = 2;
const TARGETS = { script: 15, click: 50 };
const LONG_TASK_MS = 50;
const BUNDLE = '/kap-chat.js';
const LAUNCHER_MARK = 'kap-bench:launcher-in-dom';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; type?: string } };
}

interface Sample {
  script: number;
  /** Of `script`: style and layout of the page forced while the bundle ran. */
  forcedLayout: number;
  click: number;
  warmUp: number;
}

/**
 * Runs before any script of the page: marks the moment the launcher is in the widget's shadow root.
 * (Serialised into the page: no named inner functions, which tsx would wrap in a helper the page lacks.)
 */
function markLauncher(mark: string) {
  const observer = new MutationObserver(() => {
    const root = document.querySelector('kap-chat-widget')?.shadowRoot;
    if (!root?.querySelector('[data-testid=kap-launcher]')) {
      // The host is in, its content not yet: watch inside it.
      if (root) observer.observe(root, { childList: true, subtree: true });
      return;
    }
    performance.mark(mark);
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Main-thread events not nested in another of the same list (no double counting). */
function topLevel(events: TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const kept: TraceEvent[] = [];
  for (const e of sorted) {
    const last = kept[kept.length - 1];
    if (!last || e.ts >= last.ts + (last.dur ?? 0)) kept.push(e);
  }
  return kept;
}

async function measureOnce(browser: Browser, origin: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(markLauncher, LAUNCHER_MARK);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
    await page.goto(origin + '/');
    const launcher = page.locator('[data-testid=kap-launcher]');
    await launcher.waitFor({ state: 'visible' });
    // Idle callbacks run in order: once ours runs, the widget's idle warm-up has run too.
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));

    const clicked = page.evaluate(
      () =>
        new Promise<{ start: number; end: number }>((resolve) => {
          let start = 0;
          addEventListener('click', (e) => (start = e.timeStamp), { capture: true, once: true });
          const focused = new AbortController();
          const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
          // On the shadow root: focus moving from the launcher to the field stays inside it, so
          // the page's document hears nothing.
          root.addEventListener(
            'focusin',
            () => {
              if (root.activeElement?.getAttribute('data-testid') !== 'kap-input') return;
              focused.abort();
              requestAnimationFrame(() => setTimeout(() => resolve({ start, end: performance.now() })));
            },
            { signal: focused.signal },
          );
        }),
    );
    await launcher.click();
    const { start, end } = await clicked;
    await page.keyboard.type('a');
    const typed = await page.locator('[data-testid=kap-input]').inputValue();
    if (typed !== 'a') throw new Error(`The question field did not take the typed text (value: ${JSON.stringify(typed)}).`);

    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const events = trace.traceEvents;
    const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith(BUNDLE));
    const mark = events.find((e) => e.name === LAUNCHER_MARK);
    if (!evaluate || !mark) throw new Error('The trace has no EvaluateScript of kap-chat.js or no launcher mark: is dist/kap-chat.js built?');
    const clickEvent = events.find((e) => e.name === 'EventDispatch' && e.tid === evaluate.tid && e.args?.data?.type === 'click');
    const bundleTasks = topLevel(
      events.filter(
        (e) =>
          e.ph === 'X' &&
          e.tid === evaluate.tid &&
          e.pid === evaluate.pid &&
          (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
          e.args?.data?.url?.endsWith(BUNDLE),
      ),
    );
    const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
    const beforeLauncher = bundleTasks.filter((e) => e.ts <= mark.ts);
    const within = (inner: TraceEvent, outer: TraceEvent) => inner.ts >= outer.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
    const forced = events.filter(
      (e) => e.ph === 'X' && e.tid === evaluate.tid && (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && beforeLauncher.some((t) => within(e, t)),
    );
    const idle = bundleTasks.filter((e) => e.ts > mark.ts && (!clickEvent || e.ts < clickEvent.ts));
    return {
      script: beforeLauncher.reduce((sum, e) => sum + ms(e), 0),
      forcedLayout: topLevel(forced).reduce((sum, e) => sum + ms(e), 0),
      click: end - start,
      warmUp: Math.max(0, ...idle.map(ms)),
    };
  } finally {
    await context.close();
  }
}

/** Nearest-rank percentile: of 20 loads, the p95 is the 19th smallest, the second-highest. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.error('bench:page: Chromium is missing. Install it with: sudo apt-get install -y chromium (or set KAPCHAT_CHROMIUM).');
    return;
  }
  const server = await startDemoServer({ port: 0 });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const version = browser.version();
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < WARM_UP_LOADS; i++) await measureOnce(browser, server.url);
    for (let i = 0; i < LOADS; i++) samples.push(await measureOnce(browser, server.url));
  } finally {
    await browser.close();
    await server.close();
  }

  const rows: [string, number[], number | null][] = [
    ['script → launcher (main thread)', samples.map((s) => s.script), TARGETS.script],
    ['  of which forced style/layout', samples.map((s) => s.forcedLayout), null],
    ['click → interactive panel', samples.map((s) => s.click), TARGETS.click],
    ['idle warm-up task (informative)', samples.map((s) => s.warmUp), null],
  ];
  console.log(`Demo home page, ${LOADS} fresh loads (after ${WARM_UP_LOADS} unmeasured), Chromium ${version}, ${availableParallelism()} CPUs, traced.\n`);
  console.log(`${'measure'.padEnd(34)}${'median'.padStart(10)}${'p95'.padStart(10)}${'target'.padStart(10)}   result`);
  const missed: string[] = [];
  for (const [name, values, target] of rows) {
    const median = percentile(values, 0.5);
    const p95 = percentile(values, 0.95);
    const result = target !== null ? (median <= target ? 'met' : 'MISSED') : name.startsWith('idle') && p95 > LONG_TASK_MS ? 'long task (> 50 ms)' : '';
    if (result === 'MISSED') missed.push(`${name}: median ${median.toFixed(1)} ms > ${target} ms`);
    const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);
    console.log(`${name.padEnd(34)}${ms(median)}${ms(p95)}${(target === null ? '–' : `≤ ${target} ms`).padStart(10)}   ${result}`);
  }
  console.log(missed.length ? `\nTARGET MISSED:\n  ${missed.join('\n  ')}` : '\nAll targets met.');
}

main().catch((error) => {
  // A report, not a gate: say what went wrong and exit 0.
  console.error('bench:page could not finish:', error);
});
