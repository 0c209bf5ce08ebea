/**
 * Starts one Chromium for every browser test file of a run, and closes it at the end. Each file
 * connects to it (see ./harness.ts) and still opens every page in a fresh browser context, so
 * files share the browser process and nothing else: no storage, cookies or pages. Starting one
 * browser instead of one per file saves a launch and a shutdown per file, and lets the files run
 * side by side without one browser each.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket address of the run's Chromium, for `chromium.connect()`. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is missing: run `npm test` (its pretest installs it) or set KAPCHAT_CHROMIUM.');
  const server = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
