/**
 * The panel on every screen and with every visitor setting, in Chromium on the built bundle: short
 * and narrow viewports (200% zoom, a phone held sideways), a larger default text size, light, dark
 * and forced colours, a right-to-left page, the composer, the keyboard, the crisis card, clearing,
 * links, and the practice's identity. The walk through every state on every screen, with its
 * screenshots, is in panelStates.test.ts (a file of its own, so that it runs beside this one).
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core';
import { contrastRatio } from '../../widget/embed/contrast';
import { STORAGE_KEY } from '../../widget/embed/sessionStore';
import { MAX_LINES, MAX_QUESTION_LENGTH } from '../../widget/ui/Composer';
import { describeProblems, LANDSCAPE, PHONE, QUESTIONS, useHarness, waitUntil, ZOOM_200, type WidgetPage } from './harness';
import { expectRoomForMessages } from './panelLayout';

const harness = useHarness();
const ui = defaultKnowledge.ui;

const expectNoProblems = (widget: WidgetPage) => expect(describeProblems(widget.problems), 'problems on the page').toBe('');

/** `rgb(r, g, b)` → `#rrggbb`. */
const hex = (rgb: string) =>
  '#' +
  rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('');

/** A computed style of the first element matching `selector` inside the widget. */
const styleOf = (widget: WidgetPage, selector: string, property: string) =>
  widget.page.evaluate(
    ([s, p]) => getComputedStyle(document.querySelector('kap-chat-widget')!.shadowRoot!.querySelector(s!)!).getPropertyValue(p!),
    [selector, property],
  );

describe('short screens', () => {
  it.each([
    ['200% zoom on a 1280x800 laptop', { viewport: ZOOM_200, deviceScaleFactor: 2 }],
    ['a phone held sideways', { viewport: LANDSCAPE, phone: true }],
  ] as const)('fill the screen with a one-line header on %s', async (_, options) => {
    const widget = await harness.open('/', options);
    await widget.openPanel();

    const layout = await expectRoomForMessages(widget, 'open');

    expect(layout.layout).toBe('full-screen');
    expect(layout.panel).toEqual({ x: 0, y: 0, width: layout.viewportWidth, height: layout.viewportHeight });
    // One line: the avatar, the title, the buttons and "Need help now?" side by side.
    expect(layout.header).toBeLessThanOrEqual(56);
    const helpBox = (await widget.help.boundingBox())!;
    expect(helpBox.y + helpBox.height).toBeLessThanOrEqual(layout.header);
    expect(await widget.page.locator('[data-testid=kap-panel]').getAttribute('aria-modal')).toBe('true');
  });

  it("keep the question field on screen, and half the panel for the messages, when a phone's keyboard takes half the screen", async () => {
    const widget = await harness.open('/', { viewport: PHONE, phone: true });
    await widget.openPanel();
    await widget.ask(QUESTIONS.crisis);
    // What the embed does when the visual viewport shrinks (widget/embed/createApp.ts): the panel follows it.
    const visible = 420;
    await widget.page.evaluate((px) => document.querySelector<HTMLElement>('kap-chat-widget')!.style.setProperty('--kap-vh', `${px}px`), visible);
    const room = () =>
      widget.page.evaluate(() => {
        const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
        const box = (s: string) => root.querySelector(s)?.getBoundingClientRect();
        return {
          panel: box('.k-panel')!.height,
          messages: box('.k-scroll')!.height,
          field: box('textarea')!,
          send: box('.k-send')!,
          notes: box('.k-notes'),
          disclaimer: box('.k-disc')!,
          subtitle: getComputedStyle(root.querySelector('.k-sub')!).display,
        };
      });

    await widget.input.fill('Is ketamine safe');
    const typing = await room();
    expect(typing.panel).toBe(visible);
    expect(typing.subtitle, 'the header drops its subtitle on a short panel').toBe('none');
    expect(typing.messages).toBeGreaterThanOrEqual(visible / 2);
    expect(typing.disclaimer.bottom).toBeLessThanOrEqual(visible + 0.5);

    // The fullest composer: the question field, Send and the over-limit notice stay whole, one under
    // the other, before the messages get their half.
    await widget.page.locator('[data-testid=kap-disclaimer] summary').click();
    await widget.input.fill('I would like to know more about this, please. '.repeat(12));
    const full = await room();
    expect(full.field.height).toBeGreaterThanOrEqual(40);
    expect(full.send.bottom).toBeLessThanOrEqual(full.notes!.top + 0.5);
    expect(full.field.bottom).toBeLessThanOrEqual(full.notes!.top + 0.5);
    expect(full.notes!.bottom).toBeLessThanOrEqual(full.disclaimer.top + 0.5);
    expect(full.disclaimer.bottom).toBeLessThanOrEqual(visible + 0.5);
    expect(full.messages).toBeGreaterThanOrEqual(visible * 0.4);
    await widget.screenshot('phone-keyboard-up.png');
  });

  it('fold the disclaimer to one line that opens to the whole text', async () => {
    const widget = await harness.open('/', { viewport: LANDSCAPE, phone: true });
    await widget.openPanel();
    const summary = widget.page.locator('[data-testid=kap-disclaimer] summary');

    const folded = (await summary.boundingBox())!.height;
    await summary.click();
    const opened = (await summary.boundingBox())!.height;

    expect(folded).toBeLessThanOrEqual(30);
    expect(opened).toBeGreaterThan(folded);
    expect(await summary.textContent()).toContain(defaultKnowledge.messages.disclaimer);
    expect(await widget.page.locator('[data-testid=kap-disclaimer]').getAttribute('open')).not.toBeNull();
  });
});

describe('a larger default text size in the browser', () => {
  it('grows the widget with it: text, field, launcher', async () => {
    const normal = await harness.open('/');
    const large = await harness.open('/', { defaultFontSize: 32 });
    const sizes = async (widget: WidgetPage) => {
      await widget.openPanel();
      return {
        text: await styleOf(widget, '.k', 'font-size'),
        field: await styleOf(widget, 'textarea', 'font-size'),
        launcher: (await widget.launcher.boundingBox())!.width,
        page: await widget.page.evaluate(() => getComputedStyle(document.body).fontSize),
      };
    };

    const [at16, at32] = [await sizes(normal), await sizes(large)];

    expect(at16).toMatchObject({ text: '16px', field: '16px', launcher: 60 });
    expect(at32).toMatchObject({ text: '32px', field: '32px', launcher: 120 });
    // The demo page grew as well: widget and page follow the same setting.
    expect(parseFloat(at32.page)).toBeGreaterThan(parseFloat(at16.page));
    await expectRoomForMessages(large, 'open at 32px');
  });
});

describe('colours', () => {
  const panelColours = async (widget: WidgetPage) => ({
    theme: await widget.page.locator('kap-chat-widget .k').getAttribute('data-theme'),
    background: hex(await styleOf(widget, '.k-panel', 'background-color')),
    text: hex(await styleOf(widget, '.k-a', 'color')),
    bubble: hex(await styleOf(widget, '.k-a', 'background-color')),
    ink: hex(await styleOf(widget, '.k-quick button', 'color')),
  });

  it('follow the system dark setting, with AA contrast for the text and the accent text', async () => {
    const widget = await harness.open('/', { colorScheme: 'dark' });
    await widget.openPanel();

    const dark = await panelColours(widget);

    expect(dark.theme).toBe('dark');
    expect(contrastRatio(dark.background, '#000000')).toBeLessThan(2);
    expect(contrastRatio(dark.text, dark.bubble)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark.ink, dark.bubble)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark.ink, dark.background)).toBeGreaterThanOrEqual(4.5);
    // The accent is drawn lighter as text on dark surfaces, not as is.
    expect(dark.ink).not.toBe('#2f6f5e');
  });

  it('follow a change of the system setting while the page is open', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    expect((await panelColours(widget)).theme).toBe('light');

    await widget.page.emulateMedia({ colorScheme: 'dark' });

    await waitUntil(async () => (await panelColours(widget)).theme === 'dark', 'the dark theme');
  });

  it.each([
    ['light', 'dark', '#ffffff'],
    ['dark', 'light', '#17191d'],
  ] as const)('are %s with data-theme="%s"… whatever the system says', async (theme, system, background) => {
    const widget = await harness.open('/', { colorScheme: system, scriptData: { theme } });
    await widget.openPanel();

    const colours = await panelColours(widget);

    expect(colours.theme).toBe(theme);
    expect(colours.background).toBe(background);
    expect(contrastRatio(colours.text, colours.bubble)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.ink, colours.bubble)).toBeGreaterThanOrEqual(4.5);
    await widget.screenshot(`theme-${theme}-on-${system}-system.png`);
    expectNoProblems(widget);
  });

  it('stay usable in forced colours: every bubble and button framed, focus visible', async () => {
    const widget = await harness.open('/', { forcedColors: true });
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);
    await widget.ask(QUESTIONS.crisis);

    const frames = await widget.page.evaluate(() => {
      const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
      return [...root.querySelectorAll<HTMLElement>('.k-msg, .k-btn, .k-send, .k-help, .k-quick button, .k-launch')].map((el) => {
        const style = getComputedStyle(el);
        return { what: el.className, style: style.borderTopStyle, width: parseFloat(style.borderTopWidth) };
      });
    });
    expect(frames.length).toBeGreaterThan(8);
    for (const frame of frames) expect(frame, frame.what).toMatchObject({ style: 'solid' });
    for (const frame of frames) expect(frame.width, frame.what).toBeGreaterThanOrEqual(1);

    await widget.input.focus();
    await widget.page.keyboard.press('Shift+Tab');
    const outline = await widget.page.evaluate(() => {
      const active = document.querySelector('kap-chat-widget')!.shadowRoot!.activeElement!;
      const style = getComputedStyle(active);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await widget.screenshot('forced-colors.png');
    expectNoProblems(widget);
  });
});

describe('on a right-to-left page', () => {
  const rtlPage = (scriptData = '') =>
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>صفحة</title></head>` +
    `<body><main><h1>العلاج بالكيتامين</h1><p>صفحة تجريبية تُكتب من اليمين إلى اليسار.</p></main>` +
    `<script src="/kap-chat.js" defer data-booking-url="/booking.html"${scriptData}></script></body></html>`;
  const openRtl = (scriptData?: string) =>
    harness.open('/rtl.html', {
      async beforeLoad(page) {
        await page.route('**/rtl.html', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: rtlPage(scriptData) }));
      },
    });
  const sides = (widget: WidgetPage) =>
    widget.page.evaluate(() => {
      const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
      const visitor = root.querySelector('[data-role=visitor]')!.getBoundingClientRect();
      const assistant = root.querySelector('[data-role=assistant]')!.getBoundingClientRect();
      const panel = root.querySelector('.k-panel')!.getBoundingClientRect();
      return { visitorRight: panel.right - visitor.right, assistantLeft: assistant.left - panel.left, visitorLeft: visitor.left - panel.left, assistantRight: panel.right - assistant.right };
    });

  it('keeps the English widget left to right, in its own language', async () => {
    const widget = await openRtl();
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);

    const host = await widget.page.evaluate(() => {
      const element = document.querySelector('kap-chat-widget')!;
      const root = element.shadowRoot!.querySelector('.k')!;
      return { lang: element.getAttribute('lang'), dir: element.getAttribute('dir'), direction: getComputedStyle(root).direction, innerLang: root.getAttribute('lang') };
    });
    expect(host).toEqual({ lang: 'en', dir: 'ltr', direction: 'ltr', innerLang: 'en' });
    const side = await sides(widget);
    // The visitor on the right, the assistant on the left, as on a left-to-right page.
    expect(side.visitorRight).toBeLessThan(30);
    expect(side.assistantLeft).toBeLessThan(30);
    expect(await styleOf(widget, '.k-a p', 'direction')).toBe('ltr');
    await widget.screenshot('rtl-page.png');
    expectNoProblems(widget);
  });

  it('reads right to left with data-lang="ar"', async () => {
    const widget = await openRtl(' data-lang="ar"');
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);

    expect(await styleOf(widget, '.k', 'direction')).toBe('rtl');
    const side = await sides(widget);
    expect(side.visitorLeft).toBeLessThan(30);
    expect(side.assistantRight).toBeLessThan(30);
    await widget.screenshot('rtl-page-arabic-widget.png');
  });
});

describe('the composer', () => {
  const fieldHeight = async (widget: WidgetPage) => (await widget.input.boundingBox())!.height;

  it('grows to five lines, then scrolls; Shift+Enter adds a line and Enter sends them all', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    const { page } = widget;
    const one = await fieldHeight(widget);

    const lines = ['What is KAP', 'and how long', 'does it take', 'and what does', 'it cost', 'and who', 'is it for'];
    const heights: number[] = [];
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(line);
      heights.push(await fieldHeight(widget));
    }

    expect(await widget.input.inputValue()).toBe(lines.join('\n'));
    expect(heights[2]!).toBeGreaterThan(one * 1.8);
    expect(heights[4]!).toBeGreaterThan(heights[3]!);
    expect(heights[6]).toBe(heights[4]);
    expect(await widget.visitorMessages.count()).toBe(0);
    await widget.screenshot('composer-five-lines.png');

    await page.keyboard.press('Enter');
    await widget.waitForReply(1);
    expect(await widget.visitorMessages.last().evaluate((el) => (el as HTMLElement).innerText)).toContain('What is KAP\nand how long');
    expect(await fieldHeight(widget)).toBe(one);
  });

  it('grows by rows where field-sizing is not supported (Firefox), and still gives way to the messages', async () => {
    const widget = await harness.open('/', {
      viewport: ZOOM_200,
      deviceScaleFactor: 2,
      // What a browser without `field-sizing: content` reports and does.
      async beforeLoad(page) {
        await page.addInitScript(() => {
          const supports = CSS.supports.bind(CSS);
          CSS.supports = ((...args: [string, string?]) => (/field-sizing/.test(args.join(' ')) ? false : supports(...(args as [string, string])))) as typeof CSS.supports;
        });
      },
    });
    await widget.openPanel();
    await widget.page.evaluate(() => {
      const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('textarea{field-sizing:fixed!important}');
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    });
    const one = await fieldHeight(widget);

    await widget.input.fill('What is KAP\nand how long');
    const two = await fieldHeight(widget);
    await widget.input.fill('a\nb\nc\nd\ne\nf\ng');
    const rows = await widget.input.evaluate((el) => (el as HTMLTextAreaElement).rows);
    await widget.input.fill('');

    expect(two).toBeGreaterThan(one * 1.4);
    expect(rows).toBe(MAX_LINES);
    // 200% zoom has no room for five lines: the field stops where the messages keep their half.
    await widget.input.fill('a\nb\nc\nd\ne\nf\ng');
    await expectRoomForMessages(widget, 'seven lines without field-sizing');
    expect(await fieldHeight(widget)).toBeGreaterThan(one);
    await widget.input.fill('');
    expect(await fieldHeight(widget)).toBe(one);
  });

  it('keeps a paste over the limit whole, and the counter and a message say so', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    const long = 'I would like to know '.repeat(30);

    await widget.page.keyboard.insertText(long);
    await widget.input.press('Enter');

    expect(await widget.input.inputValue()).toBe(long);
    const over = long.length - MAX_QUESTION_LENGTH;
    expect(await widget.page.locator('[data-testid=kap-count]').textContent()).toBe(ui.charactersLeft.replace('{count}', String(-over)));
    const message = widget.page.locator('[data-testid=kap-too-long]');
    expect(await message.isVisible()).toBe(true);
    expect((await message.textContent())!.trim()).toBe(ui.tooLong.replace('{max}', String(MAX_QUESTION_LENGTH)));
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await widget.visitorMessages.count(), 'nothing sent').toBe(0);
    await widget.screenshot('composer-too-long.png');
  });

  it('keeps a half-typed question through closing the panel and moving to another page, in this browser only', async () => {
    const requests: string[] = [];
    const widget = await harness.open('/', { beforeLoad: (page) => void page.on('request', (r) => requests.push(r.url() + (r.postData() ?? ''))) });
    await widget.openPanel();
    await widget.page.keyboard.type('Is ketamine the same as');

    await widget.page.keyboard.press('Escape');
    await widget.panel.waitFor({ state: 'detached' });
    await widget.openPanel();
    expect(await widget.input.inputValue()).toBe('Is ketamine the same as');

    await widget.page.keyboard.press('Escape');
    await widget.page.getByRole('link', { name: 'My approach & treatment' }).click();
    await widget.page.waitForURL('**/approach.html');
    await widget.launcher.waitFor({ state: 'visible' });
    await widget.openPanel();

    expect(await widget.input.inputValue()).toBe('Is ketamine the same as');
    expect(await widget.page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toContain('Is ketamine the same as');
    expect(requests.join('\n')).not.toMatch(/ketamine(?:%20|\+| )the(?:%20|\+| )same/i);
    expect(await widget.context.cookies()).toEqual([]);
    expectNoProblems(widget);
  });
});

describe('the keyboard', () => {
  /** The focused element inside the widget, as `testid` or `tag.class`; null when focus is outside. */
  const focused = (widget: WidgetPage) =>
    widget.page.evaluate(() => {
      const host = document.querySelector('kap-chat-widget');
      if (!host || document.activeElement !== host) return null;
      const el = host.shadowRoot!.activeElement as HTMLElement | null;
      if (!el) return null;
      const inPanel = el.closest('[data-testid=kap-panel]') !== null;
      return `${inPanel ? 'panel' : 'outside'}:${el.getAttribute('data-testid') ?? el.tagName.toLowerCase() + (el.getAttribute('href') ?? '') + el.textContent?.slice(0, 20)}`;
    });

  it('after a quick reply tapped on a phone, goes on from the question field', async () => {
    const widget = await harness.open('/', { viewport: PHONE, phone: true });
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);

    await widget.quickReplies.first().tap();
    await widget.waitForReply(2);

    expect(await widget.focusedTestId()).toBe('kap-input');
  });

  it('after a quick reply, goes on from the question field', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);

    await waitUntil(async () => {
      await widget.page.keyboard.press('Shift+Tab');
      return (await widget.focusedTestId()) === 'kap-quick-replies';
    }, 'Shift+Tab to reach a quick reply');
    await widget.page.keyboard.press('Enter');
    await widget.waitForReply(2);

    expect(await widget.focusedTestId()).toBe('kap-input');
    await widget.page.keyboard.type('and after that?');
    expect(await widget.input.inputValue()).toBe('and after that?');
  });

  it.each([
    ['200% zoom', { viewport: ZOOM_200, deviceScaleFactor: 2 }],
    ['a phone', { viewport: PHONE, phone: true }],
  ] as const)('keeps focus inside the full-screen panel on %s: Tab and Shift+Tab cycle', async (_, options) => {
    const widget = await harness.open('/', options);
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);
    await widget.input.focus();

    for (const key of ['Tab', 'Shift+Tab']) {
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        await widget.page.keyboard.press(key);
        const now = await focused(widget);
        expect(now, `${key} #${i + 1} after ${seen.slice(-3).join(', ')}`).toMatch(/^panel:/);
        if (seen.includes(now!)) break;
        seen.push(now!);
      }
      expect(seen.length, `${key} went round: ${seen.join(', ')}`).toBeLessThan(40);
      expect(seen).toContain('panel:kap-close');
      expect(seen).toContain('panel:kap-input');
    }
  });

  it('closes the panel with Escape from anywhere inside it, and gives focus back to the launcher', async () => {
    const widget = await harness.open('/');
    const shadowFocus = (selector: string) =>
      widget.page.evaluate((s) => document.querySelector('kap-chat-widget')!.shadowRoot!.querySelector<HTMLElement>(s)!.focus(), selector);

    for (const target of ['[data-testid=kap-help]', '[data-testid=kap-disclaimer] summary', '[data-testid=kap-help-card] a', '[data-testid=kap-scroll]', '[data-testid=kap-clear-no]']) {
      await widget.openPanel();
      if (target.includes('help-card')) await widget.help.click();
      if (target.includes('clear-no')) await widget.page.locator('[data-testid=kap-clear]').click();
      await shadowFocus(target);

      await widget.page.keyboard.press('Escape');

      await widget.panel.waitFor({ state: 'detached' });
      await waitUntil(async () => (await widget.focusedTestId()) === 'kap-launcher', `focus back on the launcher after Escape on ${target}`);
    }
    expectNoProblems(widget);
  });
});

describe('the crisis card', () => {
  it('is one card, resources first, announced once by the transcript, even with the help card open before', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    await widget.help.click();
    await widget.helpCard.waitFor({ state: 'visible' });

    const reply = await widget.ask(QUESTIONS.crisis);

    expect(await widget.helpCard.count(), 'the help card closed').toBe(0);
    expect(await widget.page.locator('[data-testid=kap-crisis]').count()).toBe(1);
    const card = await reply.evaluate((el) => {
      const root = el.getRootNode() as ShadowRoot;
      const resources = el.querySelector('[data-testid=kap-crisis]')!;
      const links = [...el.querySelectorAll('a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`);
      return {
        links,
        lists: el.querySelectorAll('ul, ol').length,
        alertsInWidget: root.querySelectorAll('[role=alert]').length,
        liveRegionsInReply: el.querySelectorAll('[aria-live], [role=alert], [role=status], [role=log]').length,
        announcedBy: el.closest('[aria-live]')?.getAttribute('role'),
        frame: parseFloat(getComputedStyle(el).borderTopWidth),
        innerFrame: parseFloat(getComputedStyle(resources).borderTopWidth),
        firstThing: [...el.children].find((c) => !c.classList.contains('k-sr')) === resources,
      };
    });
    expect(card.links).toEqual([...new Set(card.links)]);
    expect(card.links[0]).toContain('tel:988');
    expect(card).toMatchObject({ lists: 0, alertsInWidget: 0, liveRegionsInReply: 0, announcedBy: 'log', innerFrame: 0, firstThing: true });
    expect(card.frame).toBeGreaterThan(0);
    await widget.screenshot('crisis-one-card.png');
    expectNoProblems(widget);
  });
});

describe('clearing the conversation', () => {
  it('asks first; "Keep it" keeps everything, "Clear" starts over and forgets it', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    await widget.ask(QUESTIONS.answer);
    const question = widget.page.locator('[data-testid=kap-clear-confirm]');

    await widget.page.locator('[data-testid=kap-clear]').click();
    expect(await question.textContent()).toContain(ui.clearAsk);
    expect(await widget.messages.count()).toBe(3);
    expect(await widget.focusedTestId()).toBe('kap-clear-no');
    await widget.page.locator('[data-testid=kap-clear-no]').click();
    expect(await question.count()).toBe(0);
    expect(await widget.messages.count()).toBe(3);
    expect(await widget.focusedTestId()).toBe('kap-clear');

    await widget.page.locator('[data-testid=kap-clear]').click();
    await widget.page.locator('[data-testid=kap-clear-yes]').click();

    expect(await widget.messages.count()).toBe(1);
    expect(await widget.page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBeNull();
    expect(await widget.page.locator('kap-chat-widget [role=status]').textContent()).toBe(ui.clearConfirm);
    expect(await widget.focusedTestId()).toBe('kap-input');
    expectNoProblems(widget);
  });
});

describe('links', () => {
  it('open the booking page of the same site in the same tab', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();
    const reply = await widget.ask(QUESTIONS.eligibility);
    const link = reply.locator('[data-testid=kap-booking] a.k-btn');

    expect(await link.getAttribute('target')).toBeNull();
    expect(await link.locator('[data-testid=kap-new-tab]').count()).toBe(0);
    await link.click();
    await widget.page.waitForURL('**/booking.html');
    expect(widget.context.pages()).toHaveLength(1);
  });

  it('open a booking page on another site in a new tab, and show it', async () => {
    const widget = await harness.open('/', { scriptData: { bookingUrl: 'https://cal.example/book' } });
    await widget.openPanel();
    const reply = await widget.ask(QUESTIONS.eligibility);
    const link = reply.locator('[data-testid=kap-booking] a.k-btn');

    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const hint = link.locator('[data-testid=kap-new-tab] svg');
    expect(await hint.isVisible()).toBe(true);
    expect((await hint.boundingBox())!.width).toBeGreaterThanOrEqual(12);
    expect(await link.textContent()).toContain(ui.newTab);
    await widget.screenshot('booking-other-site.png');
  });
});

describe('the header', () => {
  it("shows the practice's monogram and name", async () => {
    const widget = await harness.open('/');
    await widget.openPanel();

    const avatar = widget.page.locator('[data-testid=kap-avatar]');
    expect(await avatar.isVisible()).toBe(true);
    expect(await avatar.textContent()).toBe(defaultKnowledge.practice.avatar);
    expect(await widget.page.locator('kap-chat-widget .k-head').textContent()).toContain(defaultKnowledge.practice.name);
  });
});
