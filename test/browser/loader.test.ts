/**
 * The loader (dist/kap-chat.js) in a real browser: the launcher before the rest has arrived, the
 * panel shell, the app taking it over, the fallback when the rest cannot load, and the ways a site
 * may embed the tag.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/demoServer';
import { defaultKnowledge } from '../../widget/core';
import { buildFallbackStrings } from '../../widget/embed/fallbackStrings';
import { describeProblems, PHONE, QUESTIONS, useHarness, waitUntil, ZOOM_200, type OpenOptions } from './harness';

const harness = useHarness();
const APP = /\/kap-chat-app\.js$/;
const TAG = '<script src="/kap-chat.js" defer';
const strings = buildFallbackStrings(defaultKnowledge);

/** Holds the request for kap-chat-app.js until `release()`; `fail()` answers it with a 404 instead. */
function holdApp(): { beforeLoad: OpenOptions['beforeLoad']; release(): Promise<void>; fail(): Promise<void>; requested(): boolean } {
  let held: Route | undefined;
  return {
    async beforeLoad(page: Page) {
      await page.route(APP, (route) => void (held = route));
    },
    release: async () => held?.continue(),
    fail: async () => held?.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
    requested: () => held !== undefined,
  };
}

const widgetCount = (page: Page) => page.evaluate(() => document.querySelectorAll('kap-chat-widget').length);

describe('the loader', () => {
  it('draws the launcher on its own, before the rest has arrived', async () => {
    const app = holdApp();
    const widget = await harness.open('/', { beforeLoad: app.beforeLoad });

    expect(await widget.launcher.getAttribute('aria-label')).toBe(strings.launcherLabel);
    expect(await widget.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(47, 111, 94)');
    expect(await widget.page.evaluate(() => typeof (window as { KapChat?: { open?: unknown } }).KapChat?.open)).toBe('function');
    // The rest is asked for once the page has loaded, from next to the loader.
    await waitUntil(async () => app.requested(), 'the request for kap-chat-app.js');
    expect(await widget.input.count()).toBe(0);
    expect(describeProblems(widget.problems)).toBe('');
  });

  it('answers a question once the rest has loaded, without ever fetching the validator', async () => {
    const requested: string[] = [];
    const widget = await harness.open('/', { beforeLoad: (page) => void page.on('request', (r) => requested.push(new URL(r.url()).pathname)) });
    await widget.openPanel();

    const reply = await widget.ask(QUESTIONS.answer);

    expect(await reply.getAttribute('data-route')).toBe('answer');
    expect(requested.filter((p) => p.startsWith('/kap-chat'))).toEqual(['/kap-chat.js', '/kap-chat-app.js']);
    expect(describeProblems(widget.problems)).toBe('');
  });

  it('opens the shell at a click before the rest arrives, then the app takes it over and answers', async () => {
    const app = holdApp();
    const widget = await harness.open('/', { beforeLoad: app.beforeLoad });

    await widget.launcher.click();
    await widget.panel.waitFor({ state: 'visible' });
    expect(await widget.panel.locator('h2').textContent()).toBe(strings.title);
    expect(await widget.panel.locator('[data-testid=kap-loading]').textContent()).toBe(strings.loading);
    expect(await widget.panel.locator('.k-disc').textContent()).toBe(strings.countries.US!.disclaimer);
    // The same panel element must survive the takeover: nothing is redrawn from scratch.
    await widget.panel.evaluate((el) => ((el as HTMLElement & { shellMark?: boolean }).shellMark = true));

    await app.release();
    await widget.input.waitFor({ state: 'visible' });
    await waitUntil(async () => (await widget.focusedTestId()) === 'kap-input', 'the question field to have focus');
    expect(await widget.panel.evaluate((el) => (el as HTMLElement & { shellMark?: boolean }).shellMark)).toBe(true);
    const reply = await widget.ask(QUESTIONS.crisis);

    expect(await reply.getAttribute('data-route')).toBe('crisis');
    expect(describeProblems(widget.problems)).toBe('');
  });

  describe('takes over the shell without a jump', () => {
    /** The boxes the visitor sees, and the root's theme and direction, where the panel comes to rest. */
    const look = (page: Page) =>
      page.evaluate(async () => {
        const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
        await Promise.all(root.querySelector('.k-panel')!.getAnimations().map((a) => a.finished));
        const box = (selector: string) => {
          const { x, y, width, height } = root.querySelector(selector)!.getBoundingClientRect();
          return [x, y, width, height].map(Math.round);
        };
        const frame = root.querySelector('.k')!;
        const panel = root.querySelector('.k-panel')!;
        return {
          panel: box('.k-panel'),
          header: box('.k-head'),
          title: box('h2'),
          help: box('.k-help'),
          background: getComputedStyle(panel).backgroundColor,
          theme: frame.getAttribute('data-theme'),
          dir: frame.getAttribute('dir'),
          layout: panel.getAttribute('data-layout'),
          modal: panel.getAttribute('aria-modal'),
          disclaimer: root.querySelector('details.k-disc summary')?.textContent,
        };
      });

    for (const [name, options] of [
      ['floating, light', {}],
      ['full screen on a phone, dark', { viewport: PHONE, phone: true, colorScheme: 'dark' }],
      ['full screen on 200% zoom', { viewport: ZOOM_200, deviceScaleFactor: 2 }],
    ] as const) {
      it(name, async () => {
        const app = holdApp();
        const widget = await harness.open('/', { ...options, beforeLoad: app.beforeLoad });
        await widget.launcher.click();
        await widget.panel.waitFor({ state: 'visible' });
        const shell = await look(widget.page);

        await app.release();
        await widget.input.waitFor({ state: 'visible' });
        const taken = await look(widget.page);

        expect(shell.disclaimer).toBe(strings.countries.US!.disclaimer);
        expect(shell.theme).toBe('colorScheme' in options ? 'dark' : 'light');
        expect(shell.layout).toBe('viewport' in options ? 'full-screen' : 'floating');
        expect(shell.modal).toBe(String('viewport' in options));
        expect(taken).toEqual(shell);
        expect(describeProblems(widget.problems)).toBe('');
      });
    }

    it('shows the crisis resources from "Need help now?" before the rest has arrived', async () => {
      const app = holdApp();
      const widget = await harness.open('/', { beforeLoad: app.beforeLoad });
      await widget.launcher.click();
      await widget.panel.locator('[data-testid=kap-help]').click();

      const links = await widget.helpCard.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(strings.countries.US!.links.map((l) => l.href));
      expect(await widget.panel.locator('[data-testid=kap-help]').getAttribute('aria-expanded')).toBe('true');
    });
  });

  it('answers a question asked through the API before the rest arrived', async () => {
    const app = holdApp();
    const widget = await harness.open('/', { beforeLoad: app.beforeLoad });

    await widget.page.evaluate((q) => (window as unknown as { KapChat: { ask(q: string): void } }).KapChat.ask(q), QUESTIONS.eligibility);
    await widget.panel.waitFor({ state: 'visible' });
    await app.release();

    const reply = await widget.waitForReply(1);
    expect(await reply.getAttribute('data-route')).toBe('eligibility');
  });

  describe('when the rest cannot load (404)', () => {
    it('offers booking, contact and the crisis resources as links, and logs one warning', async () => {
      const app = holdApp();
      const widget = await harness.open('/', { beforeLoad: app.beforeLoad });
      await app.fail();
      await widget.launcher.click();

      await widget.panel.locator('[data-testid=kap-unavailable]').waitFor({ state: 'visible' });
      const links = await widget.panel.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual([
        new URL('/booking.html', harness.origin).href,
        'mailto:hello@example.com',
        ...strings.countries.US!.links.map((l) => l.href),
      ]);
      expect(await widget.helpCard.locator('a').first().textContent()).toBe(strings.countries.US!.links[0]!.label);
      expect(widget.problems.pageErrors).toEqual([]);
      // The browser's own line for the 404, and one warning from the widget.
      const [browser, ...ours] = widget.problems.console;
      expect(browser).toMatch(/^error: Failed to load resource: .*404/);
      expect(ours).toHaveLength(1);
      expect(ours[0]).toMatch(/^warning: KapChat: could not load http:\/\/127\.0\.0\.1:\d+\/kap-chat-app\.js: the file could not be fetched/);
    });

    it("shows the configured country's crisis resources", async () => {
      const app = holdApp();
      const widget = await harness.open('/', { beforeLoad: app.beforeLoad, scriptData: { country: 'GB' } });
      await app.fail();
      await widget.launcher.click();

      await widget.helpCard.waitFor({ state: 'visible' });
      const links = await widget.helpCard.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(strings.countries.GB!.links.map((l) => l.href));
      expect(await widget.panel.locator('.k-disc').textContent()).toBe(strings.countries.GB!.disclaimer);
    });
  });

  describe('KapChat.destroy()', () => {
    it('removes everything, including a load still pending', async () => {
      const app = holdApp();
      const widget = await harness.open('/', { beforeLoad: app.beforeLoad });
      await widget.launcher.click();
      await waitUntil(async () => app.requested(), 'the request for kap-chat-app.js');

      await widget.page.evaluate(() => (window as unknown as { KapChat: { destroy(): void } }).KapChat.destroy());
      await app.release();
      await widget.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

      expect(await widgetCount(widget.page)).toBe(0);
      expect(await widget.page.evaluate(() => document.querySelectorAll('script[src*="kap-chat-app"]').length)).toBe(0);
      expect(await widget.page.evaluate(() => 'KapChat' in window)).toBe(false);
      expect(await widget.page.evaluate(() => sessionStorage.length)).toBe(0);
      expect(describeProblems(widget.problems)).toBe('');
    });
  });
});

describe('embedding', () => {
  /** Another origin serving a page that embeds kap-chat.js from the demo server, as from a CDN. */
  let site: DemoServer;
  beforeAll(async () => {
    const index = readFileSync(resolve(import.meta.dirname, '../../demo/index.html'), 'utf8');
    site = await startDemoServer({ port: 0, routes: { '/cdn.html': { status: 200, type: 'text/html; charset=utf-8', body: index.replace(TAG, `<script src="${harness.origin}/kap-chat.js" defer`) } } });
  });
  afterAll(async () => {
    await site?.close();
  });

  const ways: Array<{ name: string; html(body: string): string }> = [
    { name: 'with async', html: (body) => body.replace(TAG, '<script src="/kap-chat.js" async') },
    {
      name: 'in <head> without defer',
      html: (body) => {
        const tag = body.slice(body.indexOf(TAG), body.indexOf('</script>', body.indexOf(TAG)) + '</script>'.length);
        return body.replace(tag, '').replace('</head>', tag.replace(' defer', '') + '</head>');
      },
    },
  ];

  describe.each(ways)('$name', ({ html }) => {
    it('shows one launcher and answers', async () => {
      const widget = await harness.open('/', { html });
      await widget.openPanel();

      const reply = await widget.ask(QUESTIONS.answer);

      expect(await reply.getAttribute('data-route')).toBe('answer');
      expect(await widgetCount(widget.page)).toBe(1);
      expect(describeProblems(widget.problems)).toBe('');
    });
  });

  describe('from another origin (a CDN)', () => {
    it('fetches the rest from next to the script, not the page, and answers', async () => {
      const requested: string[] = [];
      const widget = await harness.open(`${site.url}/cdn.html`, { beforeLoad: (page) => void page.on('request', (r) => requested.push(r.url())) });
      await widget.openPanel();

      const reply = await widget.ask(QUESTIONS.answer);

      expect(await reply.getAttribute('data-route')).toBe('answer');
      expect(requested).toContain(`${harness.origin}/kap-chat-app.js`);
      expect(await widgetCount(widget.page)).toBe(1);
      expect(describeProblems(widget.problems)).toBe('');
    });
  });

  describe('twice on one page', () => {
    it('gives one widget and one warning', async () => {
      const widget = await harness.open('/', { html: (body) => body.replace(TAG, `${TAG}></script>\n${TAG}`) });
      await widget.openPanel();
      await widget.ask(QUESTIONS.answer);

      expect(await widgetCount(widget.page)).toBe(1);
      expect(widget.problems.console).toEqual(['warning: KapChat: the widget is already on this page; the second script tag is ignored. Embed kap-chat.js once.']);
      expect(widget.problems.pageErrors).toEqual([]);
    });
  });

  describe('on the strict-CSP page', () => {
    it('shows the shell, then answers, with no violation', async () => {
      const app = holdApp();
      const widget = await harness.open('/csp/', { beforeLoad: app.beforeLoad });
      await widget.launcher.click();
      await widget.panel.waitFor({ state: 'visible' });
      await app.release();
      await widget.input.waitFor({ state: 'visible' });

      await widget.ask(QUESTIONS.answer);

      expect(widget.problems.cspViolations).toEqual([]);
      expect(describeProblems(widget.problems)).toBe('');
    });
  });
});
