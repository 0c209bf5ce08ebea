/**
 * Shared setup of the browser tests: the demo site on a free port, Debian's Chromium driven by
 * playwright-core, and helpers that read like a visitor's actions (open the chat, ask, look).
 *
 * `useHarness()` registers the hooks of a test file: the server and browser start once per file,
 * every page opened in a test gets its own browser context (fresh storage, no cookies) and is
 * closed after that test, and everything is closed in `afterAll`, even when a test failed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../scripts/demoServer';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

const ROOT = resolve(import.meta.dirname, '../..');
export const BUNDLE = join(ROOT, 'dist', 'kap-chat.js');
export const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
/** The same phone held sideways. */
export const LANDSCAPE = { width: 844, height: 390 } as const;
/** {@link DESKTOP} at 200% browser zoom: half as many CSS pixels each way. */
export const ZOOM_200 = { width: 640, height: 400 } as const;

/** The questions the tests ask, with the route each one must take. */
export const QUESTIONS = {
  answer: 'is ketamine a cure?',
  eligibility: "I'm on Zoloft, can I do ketamine therapy?",
  crisis: 'I want to end my life',
} as const;

/** Same test ids as the widget's markup; Playwright's CSS selectors pierce the open shadow root. */
const byTestId = (id: string) => `[data-testid=${id}]`;

export interface OpenOptions {
  /** Default: {@link DESKTOP}. */
  viewport?: { width: number; height: number };
  /** Emulates a phone: touch, mobile viewport meta, 2x pixels. */
  phone?: boolean;
  /** Device pixels per CSS pixel, e.g. 2 for {@link ZOOM_200}. */
  deviceScaleFactor?: number;
  /** The visitor's system theme (`prefers-color-scheme`). Default: light. */
  colorScheme?: 'light' | 'dark';
  /** Emulates forced colours (Windows high contrast). */
  forcedColors?: boolean;
  /**
   * The visitor's motion setting `prefers-reduced-motion: reduce`: no animations, and replies
   * without the typing delay. Default: reduce, so that a test waits for no animation and no delay;
   * `false` gives the experience most visitors have (widget.test.ts and the first axe checks use it).
   */
  reducedMotion?: boolean;
  /** The browser's default text size in px (Chrome's Settings > Appearance > Font size), e.g. 32. Default: 16. */
  defaultFontSize?: number;
  /** Runs before the page is loaded, e.g. to listen to requests from the very first one. */
  beforeLoad?(page: Page): void | Promise<void>;
  /**
   * `data-` attributes added to the page's script tag, e.g. `{ country: 'GB' }`: the page is served
   * as it is, with these written into the tag (its headers, the CSP included, are kept).
   */
  scriptData?: Record<string, string>;
  /** Rewrites the page's HTML before the browser sees it, e.g. to embed the script another way. */
  html?(body: string): string;
}

/** What went wrong on a page while the test looked at it. Every list should stay empty. */
export interface PageProblems {
  /** `console.error` messages, and warnings the widget logged (they start with "KapChat:"). */
  console: string[];
  /** Uncaught exceptions. */
  pageErrors: string[];
  /** `securitypolicyviolation` events: "directive blocked URI (source)". */
  cspViolations: string[];
  /** Requests that failed or were answered with 4xx/5xx. */
  failedRequests: string[];
}

export interface WidgetPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
  /** The response to the page's own load, e.g. to read its headers. */
  status: number;
  headers: Record<string, string>;
  launcher: Locator;
  panel: Locator;
  log: Locator;
  input: Locator;
  send: Locator;
  messages: Locator;
  visitorMessages: Locator;
  assistantMessages: Locator;
  quickReplies: Locator;
  typing: Locator;
  crisis: Locator;
  booking: Locator;
  /** The "Need help now?" control in the panel's header. */
  help: Locator;
  /** The crisis card the control shows. */
  helpCard: Locator;
  /** Clicks the launcher and waits until the question field has focus. */
  openPanel(): Promise<void>;
  /**
   * Types a question into the open panel, presses Enter and waits until the reply is on screen
   * (after the typing indicator). Returns that assistant message.
   */
  ask(text: string): Promise<Locator>;
  /** Waits for the next assistant reply after `before` replies were on screen. */
  waitForReply(before: number): Promise<Locator>;
  /**
   * Where focus is in the widget: the `data-testid` of the focused element or of its nearest
   * ancestor that has one (a quick reply button → `kap-quick-replies`); null when focus is outside.
   */
  focusedTestId(): Promise<string | null>;
  /** Saves a PNG into artifacts/screenshots/ and returns its path. */
  screenshot(name: string): Promise<string>;
}

export interface HarnessOptions {
  /**
   * Extra routes for the file's server (`path → { status, type, body }`), made once when it starts:
   * test pages and the files they point at.
   */
  routes?(): DemoServerOptions['routes'] | Promise<DemoServerOptions['routes']>;
}

export interface Harness {
  /** The demo site, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly browser: Browser;
  /** Opens a demo page (`/`, `/hostile.html`, `/csp/` …, or a full URL) in a fresh context and waits for the launcher. */
  open(path: string, options?: OpenOptions): Promise<WidgetPage>;
}

/** Starts the demo server and Chromium. Throws with what to do when either is missing. */
export async function startBrowser(options: HarnessOptions = {}): Promise<{ server: DemoServer; browser: Browser; close(): Promise<void> }> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is missing: run `npm test` (its pretest installs it) or set KAPCHAT_CHROMIUM.');
  if (!existsSync(BUNDLE)) throw new Error('dist/kap-chat.js is missing: run `npx vite build` before the browser tests.');
  const server = await startDemoServer({ port: 0, routes: await options.routes?.() });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Registers the file's hooks and returns the harness they fill in. Call it at the top of a test file. */
export function useHarness(options: HarnessOptions = {}): Harness {
  let started: Awaited<ReturnType<typeof startBrowser>> | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    started = await startBrowser(options);
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    contexts = [];
  });
  afterAll(async () => {
    await started?.close();
  });

  const need = () => {
    if (!started) throw new Error('The harness is not started: call useHarness() at the top of the test file.');
    return started;
  };
  return {
    get origin() {
      return need().server.url;
    },
    get browser() {
      return need().browser;
    },
    async open(path, options = {}) {
      const { server, browser } = need();
      const context = await browser.newContext({
        viewport: options.viewport ?? DESKTOP,
        ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
        colorScheme: options.colorScheme ?? 'light',
        forcedColors: options.forcedColors ? 'active' : 'none',
        reducedMotion: options.reducedMotion === false ? 'no-preference' : 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      if (options.defaultFontSize) {
        // The browser setting itself, as a visitor changes it: it sets font-size:medium, not the page's CSS.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: options.defaultFontSize, fixed: Math.round(options.defaultFontSize * 0.8125) } });
      }
      const problems = await watchProblems(page);
      if (options.scriptData || options.html) await rewritePage(page, path, options);
      await options.beforeLoad?.(page);
      const response = await page.goto(/^https?:/.test(path) ? path : server.url + path);
      if (!response) throw new Error(`No response for ${path}`);
      const widget = widgetPage(page, context, problems, response.status(), response.headers());
      await widget.launcher.waitFor({ state: 'visible' });
      return widget;
    },
  };
}

/** Serves the page at `path` with extra `data-` attributes on the widget's script tag, or rewritten. */
async function rewritePage(page: Page, path: string, { scriptData: data = {}, html = (body) => body }: OpenOptions): Promise<void> {
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}="${value.replace(/"/g, '&quot;')}"`)
    .join('');
  await page.route(
    (url) => url.pathname === new URL(path, 'http://x').pathname,
    async (route) => {
      const response = await route.fetch();
      const body = html((await response.text()).replace('<script src="/kap-chat.js"', `<script src="/kap-chat.js"${attributes}`));
      await route.fulfill({ response, body });
    },
  );
}

/** Listens for everything that should not happen on a page; listeners are set before it loads. */
async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { console: [], pageErrors: [], cspViolations: [], failedRequests: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || text.startsWith('KapChat:')) problems.console.push(`${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (${response.status()})`);
  });
  // A binding and an init script are injected over the DevTools protocol, so a strict CSP on the
  // page does not block them; the listener is in place before any of the page's scripts run.
  await page.exposeFunction('__kapTestViolation', (line: string) => problems.cspViolations.push(line));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { __kapTestViolation(line: string): void }).__kapTestViolation;
        report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} (${e.sourceFile}:${e.lineNumber})`);
      },
      true,
    );
  });
  return problems;
}

function widgetPage(page: Page, context: BrowserContext, problems: PageProblems, status: number, headers: Record<string, string>): WidgetPage {
  const locate = (id: string) => page.locator(byTestId(id));
  const messages = locate('kap-message');
  const assistantMessages = page.locator(`${byTestId('kap-message')}[data-role=assistant]`);
  const input = locate('kap-input');
  const typing = locate('kap-typing');

  const focusedTestId = () =>
    page.evaluate(() => {
      const host = document.querySelector('kap-chat-widget');
      if (!host || document.activeElement !== host) return null;
      return host.shadowRoot?.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
    });
  const waitForReply = async (before: number) => {
    const reply = assistantMessages.nth(before);
    await reply.waitFor({ state: 'visible' });
    await typing.waitFor({ state: 'detached' });
    return reply;
  };

  return {
    page,
    context,
    problems,
    status,
    headers,
    launcher: locate('kap-launcher'),
    panel: locate('kap-panel'),
    log: locate('kap-log'),
    input,
    send: locate('kap-send'),
    messages,
    visitorMessages: page.locator(`${byTestId('kap-message')}[data-role=visitor]`),
    assistantMessages,
    quickReplies: page.locator(`${byTestId('kap-quick-replies')} button`),
    typing,
    crisis: locate('kap-crisis'),
    booking: locate('kap-booking'),
    help: locate('kap-help'),
    helpCard: locate('kap-help-card'),
    async openPanel() {
      await locate('kap-launcher').click();
      await input.waitFor({ state: 'visible' });
      await waitUntil(async () => (await focusedTestId()) === 'kap-input', 'the question field to have focus');
    },
    async ask(text) {
      const before = await assistantMessages.count();
      await input.fill(text);
      await input.press('Enter');
      return waitForReply(before);
    },
    waitForReply,
    focusedTestId,
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, name);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      return path;
    },
  };
}

/** Polls `check` until it is true; fails naming what it waited for. No fixed sleeps. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The problems of a page as one readable block, for assertion messages. */
export function describeProblems(problems: PageProblems): string {
  return Object.entries(problems)
    .filter(([, list]) => list.length > 0)
    .map(([kind, list]) => `${kind}:\n  ${list.join('\n  ')}`)
    .join('\n');
}

export interface AxeReport {
  /** One readable paragraph per violation; empty when there is none. */
  violations: string[];
  /** How many element checks ran inside the widget's shadow root: proof that axe looked there. */
  shadowNodesChecked: number;
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the widget only (the demo page's own markup is not this project's), including
 * its shadow tree. Injects axe first; not for the strict-CSP page, where injecting it is a violation.
 */
export async function runAxe(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe;
    const { violations, passes } = await axe.run({ include: [['kap-chat-widget']] }, { resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify({ violations, passes })) as { violations: AxeResult[]; passes: AxeResult[] };
  });
  // A node in a shadow tree is targeted as a list of selectors: [host, inside].
  const inShadow = (node: AxeNode) => Array.isArray(node.target[0]);
  return {
    violations: results.violations.map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${JSON.stringify(n.target)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`).join('\n'),
    ),
    shadowNodesChecked: [...results.violations, ...results.passes].flatMap((r) => r.nodes).filter(inShadow).length,
  };
}
