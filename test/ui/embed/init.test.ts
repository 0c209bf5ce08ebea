import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createApp, type App } from '../../../widget/embed/createApp';
import { HOST_TAG } from '../../../widget/embed/createHost';
import { init } from '../../../widget/embed/init';
import { DEFAULT_CONFIG } from '../../../widget/embed/readConfig';
import { saveSession, STORAGE_KEY } from '../../../widget/embed/sessionStore';
import { createReplyBuilder } from '../../../widget/core/conversation/replies';
import type { KapChatGlobal, KapChatStub } from '../../../widget/embed/types';
import { defaultKnowledge } from '../../../widget/core';
import { blockNavigation } from '../fixtures';
import { buildFallbackStrings } from '../../../widget/embed/fallbackStrings';
import type { RestFiles } from '../../../widget/embed/restTypes';
import { createRestApp } from '../../../widget/embed/restApp';

const win = window as Window & { KapChat?: KapChatGlobal | KapChatStub };
const api = () => win.KapChat as KapChatGlobal;

const script = (data: Record<string, string> = {}) => {
  const element = document.createElement('script');
  Object.assign(element.dataset, data);
  return element;
};
const strings = buildFallbackStrings(defaultKnowledge);
/** The rest as kap-chat-app.js hands it over, here at once: the loader takes over in the same task. */
const rest: RestFiles = {
  app: { defaultKnowledge, mount: (options) => createApp({ ...options, knowledge: defaultKnowledge }) },
  validator: { useKnowledge: async () => null },
};
const start = (data: Record<string, string> = {}) => {
  let app: App | undefined;
  init(script(data), { strings, load: (file) => rest[file], onReady: (a) => (app = a) });
  // The visitor reaches for the launcher: the loader fetches the rest, here handed over at once.
  const launcher = host()?.shadowRoot?.querySelector('[data-testid="kap-launcher"]');
  if (launcher) fireEvent.pointerOver(launcher);
  return app!;
};
const host = () => document.querySelector<HTMLElement>(HOST_TAG);
const shadow = () => host()!.shadowRoot!;
const byTestId = <T extends Element = HTMLElement>(id: string) => shadow().querySelector<T>(`[data-testid="${id}"]`);
const allByTestId = (id: string) => [...shadow().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const lines = () => allByTestId('kap-message').map((m) => ({ role: m.dataset.role, route: m.dataset.route }));
const helpLinks = () => [...byTestId('kap-help-card')!.querySelectorAll('a')].map((a) => a.getAttribute('href'));

/** The visitor goes to another page of the site in the same tab: the page and its globals are gone, session storage stays. */
const leavePage = () => {
  host()?.remove();
  delete win.KapChat;
};

let reducedMotion = true;
let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;
let unblock: () => void;

beforeEach(() => {
  reducedMotion = true;
  sessionStorage.clear();
  delete win.KapChat;
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) => ({ matches: reducedMotion && query.includes('reduce'), media: query }) as MediaQueryList,
  );
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
  unblock = blockNavigation();
});

afterEach(() => {
  if (win.KapChat && 'destroy' in win.KapChat) win.KapChat.destroy();
  document.querySelectorAll(HOST_TAG).forEach((e) => e.remove());
  vi.restoreAllMocks();
  vi.useRealTimers();
  unblock();
});

describe('init', () => {
  describe('on a ready page', () => {
    it('appends one host element with an open shadow root and a launcher inside', () => {
      start();
      expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
      expect(host()!.parentElement).toBe(document.body);
      expect(byTestId('kap-launcher')).not.toBeNull();
      expect(document.querySelector('[data-testid="kap-launcher"]')).toBeNull();
    });

    it("adopts the styles as constructable stylesheets (the loader's, then the panel's), without a style element", () => {
      start();
      expect(shadow().adoptedStyleSheets).toHaveLength(2);
      expect(shadow().querySelector('style')).toBeNull();
    });

    it('sets the theme as custom properties on the host', () => {
      start({ accent: '#ffd400', position: 'left', zIndex: '1000' });
      const style = host()!.style;
      expect(style.getPropertyValue('--kap-accent')).toBe('#ffd400');
      expect(style.getPropertyValue('--kap-on-accent')).toBe('#111111');
      expect(style.getPropertyValue('--kap-ink')).not.toBe('#ffd400');
      expect(style.getPropertyValue('--kap-z')).toBe('1000');
      expect(style.getPropertyValue('--kap-right')).toBe('auto');
    });

    it('adds window.KapChat and no other global', () => {
      const before = new Set(Object.keys(window));
      start();
      expect(Object.keys(window).filter((k) => !before.has(k))).toEqual(['KapChat']);
    });

    it('opens on load when data-open is true, without taking focus', () => {
      start({ open: 'true' });
      expect(byTestId('kap-panel')).not.toBeNull();
      expect(shadow().activeElement).toBeNull();
    });
  });

  describe('while the document is still loading', () => {
    it('mounts once the DOM is ready', () => {
      Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
      try {
        start();
        expect(host()).toBeNull();
        document.dispatchEvent(new Event('DOMContentLoaded'));
        expect(host()).not.toBeNull();
      } finally {
        delete (document as { readyState?: string }).readyState;
      }
    });
  });

  describe('with an invalid attribute', () => {
    it('says nothing until the app has arrived, then warns once, naming the attribute', () => {
      let app: App | undefined;
      const files: RestFiles = { ...rest, app: createRestApp() };
      init(script({ accent: 'green' }), { strings, load: (file) => files[file], onReady: (a) => (app = a) });
      expect(host()).not.toBeNull();
      expect(warn).not.toHaveBeenCalled();

      fireEvent.pointerOver(byTestId('kap-launcher')!);

      expect(app).toBeDefined();
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]![0])).toMatch(/^KapChat: data-accent="green" is not a hex colour/);
      expect(host()!.style.getPropertyValue('--kap-accent')).toBe(DEFAULT_CONFIG.accent);
    });
  });

  describe('when the script is embedded twice', () => {
    it('warns and keeps the first widget', () => {
      start();
      const first = api();
      start();
      expect(api()).toBe(first);
      expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^KapChat: the widget is already on this page/));
    });
  });
});

describe('window.KapChat', () => {
  describe('open, close and toggle', () => {
    it('show and hide the panel and fire one event each', () => {
      start();
      const opened = vi.fn();
      const closed = vi.fn();
      api().on('open', opened);
      api().on('close', closed);
      api().open();
      api().open();
      expect(byTestId('kap-panel')).not.toBeNull();
      api().close();
      expect(byTestId('kap-panel')).toBeNull();
      api().toggle();
      expect(byTestId('kap-panel')).not.toBeNull();
      api().toggle();
      expect(byTestId('kap-panel')).toBeNull();
      expect(opened).toHaveBeenCalledTimes(2);
      expect(closed).toHaveBeenCalledTimes(2);
    });

    it('move focus into the question field on open and back to the launcher on close', () => {
      start();
      fireEvent.click(byTestId('kap-launcher')!);
      expect(shadow().activeElement).toBe(byTestId('kap-input'));
      fireEvent.click(byTestId('kap-close')!);
      expect(shadow().activeElement).toBe(byTestId('kap-launcher'));
    });
  });

  describe('ask', () => {
    it('opens the panel and answers the question', () => {
      start();
      api().ask('What is ketamine-assisted psychotherapy?');
      expect(lines()).toEqual([
        { role: 'assistant', route: 'smalltalk' },
        { role: 'visitor', route: undefined },
        { role: 'assistant', route: 'answer' },
      ]);
    });

    it('fires question with the route and entry id only, never the words', () => {
      start();
      const question = vi.fn();
      api().on('question', question);
      api().ask('What is ketamine-assisted psychotherapy? My name is Ada');
      expect(question).toHaveBeenCalledOnce();
      const payload = question.mock.calls[0]![0];
      expect(Object.keys(payload).sort()).toEqual(['entryId', 'route']);
      expect(payload).toEqual({ route: 'answer', entryId: 'what-is-kap' });
      expect(JSON.stringify(payload)).not.toContain('Ada');
    });

    it('ignores empty and non-text questions without throwing', () => {
      start();
      expect(() => api().ask('   ')).not.toThrow();
      expect(() => api().ask(undefined as unknown as string)).not.toThrow();
      expect(byTestId('kap-panel')).toBeNull();
    });
  });

  describe('on', () => {
    it('returns a function that unsubscribes', () => {
      start();
      const opened = vi.fn();
      const off = api().on('open', opened);
      off();
      api().open();
      expect(opened).not.toHaveBeenCalled();
    });

    it('keeps calling the other handlers when one throws, and logs it', () => {
      start();
      const second = vi.fn();
      api().on('open', () => {
        throw new Error('page bug');
      });
      api().on('open', second);
      expect(() => api().open()).not.toThrow();
      expect(second).toHaveBeenCalledOnce();
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/^KapChat:/), expect.any(Error));
    });

    it('warns about an unknown event and returns a harmless unsubscribe', () => {
      start();
      const off = api().on('message' as 'open', () => {});
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^KapChat: unknown event "message"/));
      expect(() => off()).not.toThrow();
    });
  });

  describe('called like the stub', () => {
    it('runs known commands and warns about unknown ones', () => {
      start();
      api()('open');
      expect(byTestId('kap-panel')).not.toBeNull();
      expect(() => api()('explode')).not.toThrow();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^KapChat: unknown command "explode"/));
    });
  });

  describe('destroy', () => {
    it('leaves no element, no global, no stored transcript', () => {
      start();
      api().ask('What is IFS?');
      expect(sessionStorage.getItem(STORAGE_KEY)).not.toBeNull();
      api().destroy();
      expect(document.querySelector(HOST_TAG)).toBeNull();
      expect('KapChat' in window).toBe(false);
      expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    });

    it('removes its visualViewport listeners', () => {
      const viewport = Object.assign(new EventTarget(), { height: 500, offsetTop: 0 });
      const add = vi.spyOn(viewport, 'addEventListener');
      const remove = vi.spyOn(viewport, 'removeEventListener');
      Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true });
      try {
        start();
        // Read in a frame or on the viewport's own events, never during the script's run.
        expect(host()!.style.getPropertyValue('--kap-vh')).toBe('');
        viewport.dispatchEvent(new Event('resize'));
        expect(host()!.style.getPropertyValue('--kap-vh')).toBe('500px');
        api().destroy();
        expect(add.mock.calls.map((c) => c.slice(0, 2))).toEqual(remove.mock.calls.map((c) => c.slice(0, 2)));
        expect(add).toHaveBeenCalledTimes(2);
      } finally {
        delete (window as { visualViewport?: unknown }).visualViewport;
      }
    });

    it('cancels a reply still being typed', () => {
      reducedMotion = false;
      vi.useFakeTimers();
      start();
      const crisis = vi.fn();
      api().on('crisis-shown', crisis);
      api().ask('I want to kill myself');
      api().destroy();
      vi.advanceTimersByTime(1000);
      expect(crisis).not.toHaveBeenCalled();
    });

    it('turns a kept reference into a harmless no-op', () => {
      start();
      const kept = api();
      kept.destroy();
      expect(() => {
        kept.open();
        kept.ask('hello');
        kept.destroy();
      }).not.toThrow();
      expect(document.querySelector(HOST_TAG)).toBeNull();
    });
  });
});

describe('the stub queue', () => {
  describe('with calls made before the bundle loaded', () => {
    it('replays them in order after mounting', () => {
      const opened = vi.fn();
      const question = vi.fn();
      win.KapChat = { q: [['on', 'open', opened], ['on', 'question', question], ['ask', 'What is IFS?']] };
      start();
      expect(opened).toHaveBeenCalledOnce();
      expect(question).toHaveBeenCalledWith({ route: 'answer', entryId: expect.any(String) });
      expect(byTestId('kap-panel')).not.toBeNull();
    });

    it('replays the arguments objects of the function stub', () => {
      const stub = function (this: unknown, ..._args: unknown[]) {
        // eslint-disable-next-line prefer-rest-params
        (stub.q = stub.q ?? []).push(arguments);
      } as ((...args: unknown[]) => void) & KapChatStub;
      win.KapChat = stub;
      stub('open');
      start();
      expect(byTestId('kap-panel')).not.toBeNull();
      expect(api()).not.toBe(stub);
    });
  });

  describe('with an unknown command', () => {
    it('warns once, skips it and runs the rest', () => {
      win.KapChat = { q: [['fly'], 'nonsense', ['open']] };
      expect(() => start()).not.toThrow();
      expect(warn).toHaveBeenCalledTimes(2);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^KapChat: unknown command "fly"/));
      expect(byTestId('kap-panel')).not.toBeNull();
    });
  });
});

describe('the widget in the shadow root', () => {
  const type = (text: string) => {
    const input = byTestId<HTMLInputElement>('kap-input')!;
    input.value = text;
    fireEvent.input(input);
    fireEvent.keyDown(input, { key: 'Enter' });
  };

  describe('when the visitor types markup', () => {
    it('shows it as text and creates no element', () => {
      start({ open: 'true' });
      type('<img src=x onerror=alert(1)>');
      const visitor = allByTestId('kap-message').find((m) => m.dataset.role === 'visitor')!;
      expect(visitor.textContent).toContain('<img src=x onerror=alert(1)>');
      expect(shadow().querySelector('img')).toBeNull();
    });
  });

  describe('when the visitor picks a quick reply', () => {
    it('answers it and reports the turn', () => {
      start({ open: 'true' });
      const question = vi.fn();
      api().on('question', question);
      const first = byTestId('kap-quick-replies')!.querySelector('button')!;
      const label = first.textContent;
      fireEvent.click(first);
      const visitor = allByTestId('kap-message').find((m) => m.dataset.role === 'visitor')!;
      expect(visitor.textContent).toContain(label);
      expect(question).toHaveBeenCalledWith({ route: 'answer', entryId: defaultKnowledge.faq[0]!.id });
    });
  });

  describe('when the visitor is in crisis', () => {
    it('shows the crisis card with tap-to-call links inside the transcript and fires crisis-shown', () => {
      start();
      const crisis = vi.fn();
      api().on('crisis-shown', crisis);
      api().ask('I want to kill myself');
      const card = byTestId('kap-crisis')!;
      // Announced once, by the transcript's live region: the card adds no alert of its own.
      expect(byTestId('kap-log')!.contains(card)).toBe(true);
      expect(card.closest('[role="alert"]')).toBeNull();
      expect([...card.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['tel:988', 'sms:988', 'tel:911', 'tel:988']);
      expect(crisis).toHaveBeenCalledOnce();
    });

    it('keeps the resources one tap away through the "Need help now?" control', () => {
      start();
      api().ask('I want to kill myself');
      fireEvent.click(byTestId('kap-help')!);
      expect([...byTestId('kap-help-card')!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['tel:988', 'sms:988', 'tel:911', 'tel:988']);
    });
  });

  describe('the "Need help now?" control', () => {
    it('is visible as soon as the panel opens and shows the US resources in one activation', () => {
      start();
      api().open();
      const control = byTestId<HTMLButtonElement>('kap-help')!;
      expect(control.textContent).toBe(defaultKnowledge.ui.helpButton);
      fireEvent.click(control);
      expect(helpLinks()).toEqual(['tel:988', 'sms:988', 'tel:911', 'tel:988']);
    });

    it('shows the resources of data-country="GB", 999 among them', () => {
      start({ country: 'GB' });
      api().open();
      fireEvent.click(byTestId('kap-help')!);
      expect(helpLinks()).toEqual(['tel:116123', 'sms:85258', 'tel:111', 'tel:999']);
      expect(warn).not.toHaveBeenCalled();
    });

    it('shows the resources for the kind of the last crisis reply, restored from another page', async () => {
      const medical = createReplyBuilder(defaultKnowledge).crisis(undefined, 'medical');
      saveSession(sessionStorage, { open: true, messages: [{ role: 'visitor', text: 'please help' }, { role: 'assistant', reply: medical }] });
      start();
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      expect(byTestId('kap-crisis')!.querySelector('a')!.getAttribute('href')).toBe('tel:911');
      fireEvent.click(byTestId('kap-help')!);
      expect(helpLinks()).toEqual(['tel:911', 'tel:18002221222']);
    });
  });

  describe('with data-country', () => {
    it('words the crisis reply and the disclaimer for that country', () => {
      start({ country: 'au' });
      api().ask('I want to kill myself');
      expect([...byTestId('kap-crisis')!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['tel:131114', 'tel:000']);
      expect(shadow().querySelector('.k-disc')!.textContent).toContain('000');
    });

    it('warns once about a country the knowledge does not have, naming the attribute, the value and the default', () => {
      start({ country: 'NZ' });
      api().open();
      fireEvent.click(byTestId('kap-help')!);
      expect(helpLinks()).toContain('tel:911');
      expect(warn).toHaveBeenCalledOnce();
      expect(warn).toHaveBeenCalledWith(
        'KapChat: data-country="NZ" is not a country of the knowledge (US, CA, GB, AU, EU); using the knowledge\'s default, US. Fix the attribute on the script tag.',
      );
    });
  });

  describe('when the visitor follows the booking link', () => {
    it('fires booking-click with the configured URL, resolved against the page', () => {
      start({ bookingUrl: '/booking.html' });
      const click = vi.fn();
      api().on('booking-click', click);
      api().ask('I want to book a consultation');
      const link = byTestId('kap-booking')!.querySelector('a')!;
      const href = new URL('/booking.html', location.href).href;
      expect(link.getAttribute('href')).toBe(href);
      fireEvent.click(link);
      expect(click).toHaveBeenCalledWith({ href });
    });
  });

  describe('with motion allowed', () => {
    it('shows the typing indicator briefly before the reply', async () => {
      reducedMotion = false;
      start();
      const crisis = vi.fn();
      api().on('crisis-shown', crisis);
      api().ask('I want to kill myself');
      expect(byTestId('kap-typing')).not.toBeNull();
      expect(byTestId('kap-crisis')).toBeNull();
      expect(crisis).not.toHaveBeenCalled();
      await waitFor(() => expect(byTestId('kap-crisis')).not.toBeNull(), { timeout: 1000 });
      expect(byTestId('kap-typing')).toBeNull();
      expect(crisis).toHaveBeenCalledOnce();
    });
  });

  describe('under prefers-reduced-motion', () => {
    it('shows the reply at once, without the indicator', () => {
      start();
      api().ask('What is IFS?');
      expect(byTestId('kap-typing')).toBeNull();
      expect(lines().at(-1)).toEqual({ role: 'assistant', route: 'answer' });
    });
  });

  describe('its language and direction', () => {
    it('are the knowledge\'s, on the host element and inside', () => {
      start();
      expect(host()!.getAttribute('lang')).toBe(defaultKnowledge.practice.lang);
      expect(host()!.getAttribute('dir')).toBe('ltr');
      expect(shadow().querySelector('.k')!.getAttribute('dir')).toBe('ltr');
    });

    it('follow data-lang', () => {
      start({ lang: 'ar' });
      expect(host()!.getAttribute('lang')).toBe('ar');
      expect(shadow().querySelector('.k')!.getAttribute('dir')).toBe('rtl');
    });
  });

  describe('with data-theme="dark"', () => {
    it('draws the dark theme', () => {
      start({ theme: 'dark' });
      expect(shadow().querySelector('.k')!.getAttribute('data-theme')).toBe('dark');
    });
  });

  describe('its header', () => {
    it('names the practice and shows its monogram', () => {
      start({ open: 'true' });
      expect(byTestId('kap-panel')!.textContent).toContain(defaultKnowledge.practice.name);
      expect(byTestId('kap-avatar')!.textContent).toBe(defaultKnowledge.practice.avatar);
    });
  });

  describe('when Escape is pressed', () => {
    it('closes the panel and returns focus to the launcher', () => {
      start();
      api().open();
      fireEvent.keyDown(byTestId('kap-input')!, { key: 'Escape' });
      expect(byTestId('kap-panel')).toBeNull();
      expect(shadow().activeElement).toBe(byTestId('kap-launcher'));
    });
  });

  describe('when the visitor clears the conversation', () => {
    it('asks first, and keeps everything when the visitor says no', () => {
      start();
      api().ask('What is IFS?');
      fireEvent.click(byTestId('kap-clear')!);
      expect(byTestId('kap-clear-confirm')!.textContent).toContain(defaultKnowledge.ui.clearAsk);
      expect(lines()).toHaveLength(3);
      fireEvent.click(byTestId('kap-clear-no')!);
      expect(byTestId('kap-clear-confirm')).toBeNull();
      expect(lines()).toHaveLength(3);
      expect(sessionStorage.getItem(STORAGE_KEY)).not.toBeNull();
    });

    it('starts over and removes the stored transcript once confirmed', () => {
      start();
      api().ask('What is IFS?');
      fireEvent.click(byTestId('kap-clear')!);
      fireEvent.click(byTestId('kap-clear-yes')!);
      expect(lines()).toEqual([{ role: 'assistant', route: 'smalltalk' }]);
      expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
      expect(shadow().querySelector('[role="status"]')!.textContent).toBe(defaultKnowledge.ui.clearConfirm);
    });
  });
});

describe('persistence', () => {
  describe('when the visitor moves to another page', () => {
    /** The stored session is read in the frame after the launcher appears. */
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

    it('restores the transcript and the open panel', async () => {
      start();
      api().ask('What is IFS?');
      const before = shadow().querySelector('[data-testid="kap-log"]')!.textContent;
      leavePage();
      start();
      await nextFrame();
      expect(byTestId('kap-panel')).not.toBeNull();
      expect(byTestId('kap-log')!.textContent).toBe(before);
    });

    it('keeps a half-typed question, through closing the panel and the next page', async () => {
      start();
      api().open();
      const field = () => byTestId<HTMLTextAreaElement>('kap-input')!;
      field().value = 'Is ketamine';
      fireEvent.input(field());
      api().close();
      api().open();
      expect(field().value).toBe('Is ketamine');
      leavePage();
      start();
      await nextFrame();
      expect(field().value).toBe('Is ketamine');
      expect(localStorage.length).toBe(0);
    });

    it('keeps a closed panel closed, even with data-open', async () => {
      start();
      api().ask('What is IFS?');
      api().close();
      leavePage();
      start({ open: 'true' });
      await nextFrame();
      expect(byTestId('kap-panel')).toBeNull();
      api().open();
      expect(lines()).toHaveLength(3);
    });

    it('continues a fit reflection where it stopped', async () => {
      start({ open: 'true' });
      const fitStart = [...byTestId('kap-quick-replies')!.querySelectorAll('button')].find((b) => b.textContent === defaultKnowledge.ui.fitCheck)!;
      fireEvent.click(fitStart);
      fireEvent.click(byTestId('kap-quick-replies')!.querySelector('button')!);
      leavePage();
      start();
      await nextFrame();
      const route = vi.fn();
      api().on('question', ({ route: r }) => route(r));
      fireEvent.click(byTestId('kap-quick-replies')!.querySelector('button')!);
      expect(route).toHaveBeenCalledWith('fit-check');
      expect(lines().at(-1)!.route).toBe('fit-check');
    });

    it('writes nothing to cookies or localStorage', () => {
      start();
      api().ask('What is IFS?');
      expect(document.cookie).toBe('');
      expect(localStorage.length).toBe(0);
    });
  });

  describe('with bad stored data', () => {
    it('starts fresh without throwing', () => {
      sessionStorage.setItem(STORAGE_KEY, '{"v":1,"open":true,"messages":[{"role":"assistant","reply":7}]}');
      expect(() => start()).not.toThrow();
      expect(byTestId('kap-panel')).toBeNull();
      api().open();
      expect(lines()).toEqual([{ role: 'assistant', route: 'smalltalk' }]);
    });
  });
});

describe('App.applyKnowledge', () => {
  describe('with a country that only the loaded knowledge has', () => {
    const nz = {
      name: 'New Zealand',
      line: 'If you are struggling, you can call or text 1737 any time. In an emergency, call 111.',
      resources: { emergency: { kind: 'call' as const, label: 'Call 111', number: '111' }, talk: { kind: 'call' as const, label: 'Call 1737', number: '1737' } },
      help: { lead: 'Call or text 1737 to talk with someone now. In immediate danger, call 111.', resources: ['talk', 'emergency'] },
    };
    const withNz = { ...defaultKnowledge, crisis: { ...defaultKnowledge.crisis, countries: { ...defaultKnowledge.crisis.countries, NZ: nz } } };
    const mount = () =>
      createApp({ config: { ...DEFAULT_CONFIG, country: 'NZ', knowledgeUrl: 'https://therapy.example/k.json' }, knowledge: defaultKnowledge, emit: () => {}, storage: null });

    it('waits for that knowledge before warning, and then uses the country', () => {
      const app = mount();
      expect(warn).not.toHaveBeenCalled();
      app.applyKnowledge(withNz);
      app.open();
      fireEvent.click(app.host.shadowRoot!.querySelector('[data-testid="kap-help"]')!);
      const links = [...app.host.shadowRoot!.querySelectorAll('[data-testid="kap-help-card"] a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(['tel:1737', 'tel:111']);
      expect(warn).not.toHaveBeenCalled();
      app.destroy();
    });

    it('warns when the loaded knowledge lacks it too', () => {
      const app = mount();
      app.applyKnowledge(defaultKnowledge);
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]![0])).toMatch(/^KapChat: data-country="NZ" is not a country of the knowledge/);
      app.destroy();
    });
  });


  describe('before the visitor has said anything', () => {
    it('shows the new greeting and keeps the config over the knowledge', () => {
      const app: App = createApp({
        config: { ...DEFAULT_CONFIG, title: 'Ask us' },
        knowledge: defaultKnowledge,
        emit: () => {},
        storage: null,
      });
      app.applyKnowledge({ ...defaultKnowledge, messages: { ...defaultKnowledge.messages, greeting: 'Welcome back.' }, ui: { ...defaultKnowledge.ui, title: 'Other' } });
      app.open();
      const panel = app.host.shadowRoot!;
      expect(panel.querySelector('[data-testid="kap-message"]')!.textContent).toContain('Welcome back.');
      expect(panel.querySelector('h2')!.textContent).toBe('Ask us');
      app.destroy();
    });
  });
});

describe('createApp, stepwise (as the loader mounts it)', () => {
  const mount = () => createApp({ config: DEFAULT_CONFIG, knowledge: defaultKnowledge, emit: () => {}, storage: null, stepwise: true });
  const inApp = (app: App) => ({
    roles: () => [...app.host.shadowRoot!.querySelectorAll<HTMLElement>('[data-testid="kap-message"]')].map((m) => m.dataset.role),
    typing: () => app.host.shadowRoot!.querySelector('[data-testid="kap-typing"]'),
  });

  it('shows a question asked before the engine is built at once, with the typing indicator, and answers it after', async () => {
    const app = mount();
    const look = inApp(app);
    app.ask('is ketamine a cure?');

    expect(look.roles()).toEqual(['assistant', 'visitor']);
    expect(look.typing()).not.toBeNull();
    await waitFor(() => expect(look.roles()).toEqual(['assistant', 'visitor', 'assistant']));
    expect(app.host.shadowRoot!.querySelectorAll('[data-testid="kap-message"]')[2]!.getAttribute('data-route')).toBe('answer');
    app.destroy();
  });

  it('answers questions asked while it waits in order, and saves no stand-in', async () => {
    const app = mount();
    const look = inApp(app);
    app.ask('is ketamine a cure?');
    app.ask('I want to end my life');

    await waitFor(() => expect(look.roles()).toEqual(['assistant', 'visitor', 'assistant', 'visitor', 'assistant']));
    const routes = [...app.host.shadowRoot!.querySelectorAll<HTMLElement>('[data-testid="kap-message"][data-role="assistant"]')].map((m) => m.dataset.route);
    expect(routes).toEqual(['smalltalk', 'answer', 'crisis']);
    app.destroy();
  });
});
