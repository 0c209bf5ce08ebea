/**
 * The built bundle, dist/kap-chat.js, on the demo site in Chromium: what a visitor sees and does,
 * and what the widget must never do (run their words as markup, send them anywhere, leave traces).
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TYPING_MS } from '../../widget/embed/createApp';
import { STORAGE_KEY } from '../../widget/embed/sessionStore';
import { describeProblems, PHONE, QUESTIONS, useHarness, waitUntil, type WidgetPage } from './harness';

const harness = useHarness();

const expectNoProblems = (widget: WidgetPage) => expect(describeProblems(widget.problems), 'problems on the page').toBe('');

/** A visitor line's own words: its text without the screen-reader prefix ("You: "). */
const visitorWords = (message: Locator) =>
  message.evaluate((el) =>
    [...el.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('k-sr'))).map((n) => n.textContent).join(''),
  );

const transcript = (widget: WidgetPage) =>
  widget.messages.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-role')}/${el.getAttribute('data-route') ?? ''}: ${el.textContent}`));

/** Subscribes to a KapChat event in the page; `read()` returns the payloads received so far. */
async function recordEvents(page: Page, event: string) {
  await page.evaluate((name) => {
    const w = window as unknown as { KapChat: { on(e: string, h: (p: unknown) => void): void }; __kapEvents?: Record<string, unknown[]> };
    const log = (w.__kapEvents ??= {});
    log[name] = [];
    w.KapChat.on(name, (payload) => log[name]!.push(payload === undefined ? null : payload));
  }, event);
  return {
    read: () => page.evaluate((name) => (window as unknown as { __kapEvents: Record<string, unknown[]> }).__kapEvents[name]!, event),
  };
}

/** These tests go through the widget as most visitors meet it: with animations and the typing delay. */
const WITH_MOTION = { reducedMotion: false } as const;

describe('kap-chat.js on the demo site', () => {
  describe('when a visitor asks a question the knowledge answers', () => {
    // One page for both: the indicator is watched on the way to the answer.
    it('shows "typing" first, then the answer as an assistant message', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      await widget.openPanel();
      const before = await widget.assistantMessages.count();

      await widget.input.fill(QUESTIONS.answer);
      await widget.input.press('Enter');
      await widget.typing.waitFor({ state: 'visible' });
      const reply = await widget.waitForReply(before);

      expect(await widget.typing.count(), 'the indicator is gone once the reply shows').toBe(0);
      expect(await widget.assistantMessages.last().getAttribute('data-route')).toBe('answer');
      expect(await reply.getAttribute('data-route')).toBe('answer');
      expect(await reply.textContent()).toContain('not a cure');
      expect(await visitorWords(widget.visitorMessages.last())).toBe(QUESTIONS.answer);
      expectNoProblems(widget);
    });
  });

  describe('when a visitor asks whether their medication allows ketamine', () => {
    it('shows the booking card linking to the configured booking page', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      await widget.openPanel();

      const reply = await widget.ask(QUESTIONS.eligibility);

      expect(await reply.getAttribute('data-route')).toBe('eligibility');
      const card = reply.locator('[data-testid=kap-booking]');
      await card.waitFor({ state: 'visible' });
      const hrefs = await card.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs).toContain(`${harness.origin}/booking.html`);
      expectNoProblems(widget);
    });
  });

  describe('when a visitor writes crisis language', () => {
    it('shows the crisis card with a tel:988 link before the reply text', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      const shown = await recordEvents(widget.page, 'crisis-shown');
      await widget.openPanel();

      const reply = await widget.ask(QUESTIONS.crisis);

      expect(await reply.getAttribute('data-route')).toBe('crisis');
      const card = reply.locator('[data-testid=kap-crisis]');
      // Announced once, by the transcript's live region: the card has no alert of its own.
      expect(await card.evaluate((el) => el.closest('[role=alert]') === null && el.closest('[role=log]') !== null)).toBe(true);
      expect(await card.locator('a[href="tel:988"]').first().isVisible()).toBe(true);
      expect(await card.locator('a').first().getAttribute('href')).toBe('tel:988');
      // In the markup and on screen: the card comes first, then the reply's words.
      const order = await reply.evaluate((el) => {
        const crisisCard = el.querySelector('[data-testid=kap-crisis]')!;
        const text = [...el.children].find((c) => c.tagName === 'P' && !c.classList.contains('k-sr'))!;
        return {
          cardFirst: Boolean(crisisCard.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING),
          cardBottom: crisisCard.getBoundingClientRect().bottom,
          textTop: text.getBoundingClientRect().top,
        };
      });
      expect(order.cardFirst).toBe(true);
      expect(order.cardBottom).toBeLessThanOrEqual(order.textTop);
      expect(await shown.read()).toHaveLength(1);
      expectNoProblems(widget);
    });
  });

  describe('used by keyboard alone', () => {
    it('opens, sends, follows a quick reply and closes, with focus where the visitor expects it', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      const { page } = widget;

      // Tab through the page until the launcher (the last thing on it) has focus.
      await waitUntil(async () => {
        await page.keyboard.press('Tab');
        return (await widget.focusedTestId()) === 'kap-launcher';
      }, 'Tab to reach the launcher');

      await page.keyboard.press('Enter');
      await widget.panel.waitFor({ state: 'visible' });
      await waitUntil(async () => (await widget.focusedTestId()) === 'kap-input', 'focus to land in the question field');

      await page.keyboard.type(QUESTIONS.answer);
      await page.keyboard.press('Enter');
      const answer = await widget.waitForReply(1);
      expect(await answer.getAttribute('data-route')).toBe('answer');
      expect(await widget.focusedTestId(), 'focus stays in the field after sending').toBe('kap-input');

      // The quick replies sit above the question field: Shift+Tab reaches them.
      await waitUntil(async () => {
        await page.keyboard.press('Shift+Tab');
        return (await widget.focusedTestId()) === 'kap-quick-replies';
      }, 'Shift+Tab to reach a quick reply');
      const chosen = await page.evaluate(() => document.querySelector('kap-chat-widget')!.shadowRoot!.activeElement!.textContent);
      await page.keyboard.press('Enter');
      const followUp = await widget.waitForReply(2);
      expect(await visitorWords(widget.visitorMessages.last())).toBe(chosen);
      expect(await followUp.getAttribute('data-route')).toBe('answer');
      expect(await widget.focusedTestId(), 'focus goes on to the question field after a quick reply').toBe('kap-input');

      await page.keyboard.press('Escape');
      await widget.panel.waitFor({ state: 'detached' });
      await waitUntil(async () => (await widget.focusedTestId()) === 'kap-launcher', 'focus to return to the launcher');
      expectNoProblems(widget);
    });
  });

  describe('when the visitor moves to another page of the site', () => {
    it('shows the same transcript there, without taking focus', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      await widget.openPanel();
      await widget.ask(QUESTIONS.answer);
      await widget.ask(QUESTIONS.eligibility);
      const before = await transcript(widget);

      await widget.page.getByRole('link', { name: 'My approach & treatment' }).click();
      await widget.page.waitForURL('**/approach.html');
      await widget.panel.waitFor({ state: 'visible' });

      expect(await transcript(widget)).toEqual(before);
      expect(before).toHaveLength(5);
      expect(await widget.page.evaluate(() => document.activeElement === document.body)).toBe(true);
      expectNoProblems(widget);
    });
  });

  describe('destroy()', () => {
    it('leaves no element, global, storage or cookie behind', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      await widget.openPanel();
      await widget.ask(QUESTIONS.answer);
      expect(await widget.page.evaluate((key) => sessionStorage.getItem(key) !== null, STORAGE_KEY), 'a session to destroy').toBe(true);

      await widget.page.evaluate(() => (window as unknown as { KapChat: { destroy(): void } }).KapChat.destroy());

      const traces = await widget.page.evaluate(() => ({
        element: document.querySelectorAll('kap-chat-widget').length,
        global: typeof (window as unknown as { KapChat?: unknown }).KapChat,
        sessionKeys: Object.keys(sessionStorage).filter((k) => k.startsWith('kapchat:')),
        localStorage: localStorage.length,
        cookie: document.cookie,
      }));
      expect(traces).toEqual({ element: 0, global: 'undefined', sessionKeys: [], localStorage: 0, cookie: '' });
      expect(await widget.context.cookies()).toEqual([]);
      expectNoProblems(widget);
    });

    it('cancels a reply still being typed', async () => {
      const widget = await harness.open('/', { ...WITH_MOTION, beforeLoad: (page) => page.clock.install() });

      await widget.page.evaluate((question) => {
        const api = (window as unknown as { KapChat: { ask(q: string): void; destroy(): void } }).KapChat;
        api.ask(question);
        api.destroy();
      }, QUESTIONS.answer);
      // Waiting for something not to happen: the page's clock runs through the typing delay twice over.
      await widget.page.clock.runFor(TYPING_MS * 2);

      const left = await widget.page.evaluate(() => ({
        element: document.querySelectorAll('kap-chat-widget').length,
        sessionKeys: Object.keys(sessionStorage).filter((k) => k.startsWith('kapchat:')),
      }));
      expect(left).toEqual({ element: 0, sessionKeys: [] });
      expectNoProblems(widget);
    });
  });

  describe('when a visitor types markup', () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

    const expectInert = async (widget: WidgetPage) => {
      expect(await visitorWords(widget.visitorMessages.first())).toBe(payload);
      const found = await widget.page.evaluate(() => ({
        inShadow: document.querySelector('kap-chat-widget')!.shadowRoot!.querySelectorAll('img, script').length,
        inPage: document.querySelectorAll('img[src="x"]').length,
        xss: (window as unknown as { __xss?: unknown }).__xss,
      }));
      expect(found).toEqual({ inShadow: 0, inPage: 0, xss: undefined });
    };

    // One page for both: the same question is checked on screen, then after the reload restores it.
    it('shows it as text and runs nothing, and again when the transcript is restored on the next page load', async () => {
      const widget = await harness.open('/', WITH_MOTION);
      await widget.openPanel();

      await widget.ask(payload);

      await expectInert(widget);

      await widget.page.reload();
      await widget.visitorMessages.first().waitFor({ state: 'visible' });

      await expectInert(widget);
      expectNoProblems(widget);
    });
  });

  describe('what leaves the browser during a conversation', () => {
    it('is nothing: only same-origin GETs of the page and its assets, no typed text, no cookies', async () => {
      const requests: { method: string; url: string; body: string; headers: string }[] = [];
      const sockets: string[] = [];
      const widget = await harness.open('/', {
        beforeLoad(page) {
          page.on('request', (r) => requests.push({ method: r.method(), url: r.url(), body: r.postData() ?? '', headers: JSON.stringify(r.headers()) }));
          page.on('websocket', (ws) => sockets.push(ws.url()));
        },
      });
      const questionEvents = await recordEvents(widget.page, 'question');
      const loaded = requests.length;

      await widget.openPanel();
      await widget.ask(QUESTIONS.answer);
      await widget.quickReplies.first().click();
      await widget.waitForReply(2);
      await widget.ask(QUESTIONS.eligibility);
      await widget.ask(QUESTIONS.crisis);

      const assets = new Set(['/', '/site.css', '/favicon.svg', '/kap-chat.js', '/kap-chat-app.js']);
      for (const r of requests) {
        const url = new URL(r.url);
        expect(`${r.method} ${url.origin}`, r.url).toBe(`GET ${harness.origin}`);
        expect(assets.has(url.pathname), `${url.pathname} is one of the page's own assets`).toBe(true);
      }
      // Chromium may fetch the favicon late, and the loader fetches the rest of the widget (a static
      // file, as the page's load ends or as the visitor reaches for the launcher); nothing else.
      expect(requests.slice(loaded).filter((r) => !/\/(?:favicon\.svg|kap-chat-app\.js)$/.test(r.url)).map((r) => r.url)).toEqual([]);
      const sent = requests.map((r) => r.url + r.body + r.headers).join('\n').toLowerCase();
      for (const question of Object.values(QUESTIONS)) {
        const forms = [question, encodeURIComponent(question), encodeURIComponent(question).replace(/%20/g, '+')];
        for (const form of forms) expect(sent).not.toContain(form.toLowerCase());
      }
      expect(sent).not.toContain('zoloft');
      expect(sockets).toEqual([]);
      expect(await widget.context.cookies()).toEqual([]);
      // The page's analytics hook gets how a question was answered, never the words.
      const events = (await questionEvents.read()) as Record<string, unknown>[];
      expect(events.map((e) => e.route)).toEqual(['answer', 'answer', 'eligibility', 'crisis']);
      for (const e of events) expect(Object.keys(e).sort()).toEqual(['entryId', 'route']);
      expectNoProblems(widget);
    });
  });

  describe('how it looks with a few replies on the home page', () => {
    for (const [name, options] of [
      ['desktop-home.png', {}],
      ['phone-home.png', { viewport: PHONE, phone: true }],
    ] as const) {
      it(`fits the viewport and is saved as ${name}`, async () => {
        const widget = await harness.open('/', options);
        await widget.openPanel();
        await widget.ask(QUESTIONS.answer);
        await widget.ask(QUESTIONS.eligibility);

        const box = (await widget.panel.boundingBox())!;
        const viewport = widget.page.viewportSize()!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        expect(existsSync(await widget.screenshot(name))).toBe(true);
        expectNoProblems(widget);
      });
    }
  });
});
