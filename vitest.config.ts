import { defineConfig } from 'vitest/config';

/**
 * Test files run two at a time. Vitest's default on a 2-core machine is one worker, which runs
 * every file in turn; the browser files spend most of their time waiting on Chromium, so two
 * workers keep both cores busy. Each browser file starts its own server and Chromium (see
 * test/browser/harness.ts), so they can run side by side.
 */
const WORKERS = 2;

/**
 * A timeout stops a test that hangs; it is not a speed limit. Vitest's 5 s default failed
 * CPU-bound tests (the property tests, the phrasing check) whenever the machine was busy. The
 * speed of the suite is watched by the slowest-tests list and the time .ci/run prints.
 */
const HANG_MS = 60_000;

/**
 * How long `expect.poll` waits for the page to reach a state. Vitest's 1 s default is a speed
 * limit in disguise: a busy machine took longer than that for a reply to show, and the test failed
 * for no fault of the widget. The same bound as the browser harness's `waitUntil`.
 */
const POLL_MS = 10_000;

/**
 * Each worker runs its files one after another without starting a fresh module graph per file:
 * importing the core, the knowledge and the models again for every file was about a third of the
 * node and DOM projects' CPU (55 s of the process tree's CPU with isolation, 34-40 s without,
 * measured four times each), and about 0.6 s per browser file (four browser files: 46.1 and 46.7 s
 * with isolation, 43.5 and 44.2 s without). It is safe because nothing in widget/ does work at
 * import time or keeps state a test can change (STYLE.md: lifecycle is explicit); its module-level
 * caches hold the same value whoever filled them (linearModel's last features, keyed by the text;
 * the panel's and the playground's style sheets, always the same CSS); the tests that spy, fake
 * timers or touch the DOM and storage undo it in afterEach; and each browser file starts and closes
 * its own server and Chromium (test/browser/harness.ts keeps nothing at module level).
 * `npx vitest run --sequence.shuffle` checks that the order of files does not matter.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    maxWorkers: WORKERS,
    isolate: false,
    testTimeout: HANG_MS,
    hookTimeout: HANG_MS,
    expect: { poll: { timeout: POLL_MS } },
    reporters: ['default', './test/reporters/slowestTests.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['test/core/**/*.test.ts', 'test/scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'bundle', include: ['test/bundle/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Starting Chromium and the server once per file can take long on a busy machine.
          hookTimeout: 2 * HANG_MS,
        },
      },
    ],
  },
});
