import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultKnowledge } from '../../../widget/core';
import { createHost, HOST_TAG } from '../../../widget/embed/createHost';
import { createShell, type ShellOptions } from '../../../widget/embed/createShell';
import { buildFallbackStrings } from '../../../widget/embed/fallbackStrings';
import { shellStrings } from '../../../widget/embed/init';
import { DEFAULT_CONFIG } from '../../../widget/embed/readConfig';
import { launcherStyles } from '../../../widget/ui/styles';

const strings = shellStrings(buildFallbackStrings(defaultKnowledge), { ...DEFAULT_CONFIG, country: 'AU' });
const make = (options: Partial<Pick<ShellOptions, 'lang' | 'theme' | 'strings'>> = {}) => {
  const host = createHost(document, launcherStyles, {});
  const handlers = { onToggle: vi.fn(), onClose: vi.fn(), onIntent: vi.fn() };
  const shell = createShell({ host, strings, lang: null, theme: 'auto', ...options, ...handlers });
  const find = (id: string) => host.shadow.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { host, shell, handlers, find };
};

afterEach(() => document.querySelectorAll(HOST_TAG).forEach((e) => e.remove()));

describe('createShell', () => {
  it('draws a launcher with the label, and reports a reach for it as intent', () => {
    const { find, handlers } = make();
    const launcher = find('kap-launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe(strings.launcherLabel);
    fireEvent.pointerOver(launcher);
    fireEvent.focus(launcher);
    expect(handlers.onIntent).toHaveBeenCalledTimes(2);
    fireEvent.click(launcher);
    expect(handlers.onToggle).toHaveBeenCalledOnce();
  });

  describe('once the launcher is up', () => {
    it("adds the panel's styles in a task of their own, before the panel is opened", () => {
      vi.useFakeTimers();
      try {
        const host = createHost(document, launcherStyles, {});
        createShell({ host, strings, lang: null, theme: 'auto', onToggle: vi.fn(), onClose: vi.fn(), onIntent: vi.fn() });
        expect(host.shadow.adoptedStyleSheets).toHaveLength(1);

        vi.runAllTimers();

        expect(host.shadow.adoptedStyleSheets).toHaveLength(2);
      } finally {
        vi.useRealTimers();
      }
    });

    it('adds nothing once detached (the app took over, or the widget was destroyed)', () => {
      vi.useFakeTimers();
      try {
        const host = createHost(document, launcherStyles, {});
        const shell = createShell({ host, strings, lang: null, theme: 'auto', onToggle: vi.fn(), onClose: vi.fn(), onIntent: vi.fn() });
        shell.detach();

        vi.runAllTimers();

        expect(host.shadow.adoptedStyleSheets).toHaveLength(1);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  describe('opened', () => {
    it('shows the title, a quiet loading line and the disclaimer, with focus in the panel', () => {
      const { shell, find, host } = make();
      shell.setOpen(true, true);
      expect(find('kap-panel')!.querySelector('h2')!.textContent).toBe(strings.title);
      expect(find('kap-loading')!.getAttribute('role')).toBe('status');
      expect(find('kap-panel')!.querySelector('.k-disc')!.textContent).toBe(strings.disclaimer);
      expect(find('kap-panel')!.contains(host.shadow.activeElement)).toBe(true);
      expect(find('kap-launcher')!.getAttribute('aria-expanded')).toBe('true');
    });

    it("draws the app's header: avatar, title and subtitle, room for the clear button, close, and \"Need help now?\"", () => {
      const { shell, find } = make({ strings: { ...strings, avatar: 'ET' } });
      shell.setOpen(true, false);
      const head = find('kap-panel')!.querySelector('.k-top > .k-head')!;
      expect([...head.children].map((c) => c.className)).toEqual(['k-av', 'k-titles', 'k-icon', 'k-icon', 'k-help-row']);
      expect(find('kap-avatar')!.textContent).toBe('ET');
      expect(head.querySelector('.k-sub')!.textContent).toBe(strings.subtitle);
      expect(find('kap-help')!.textContent).toBe(strings.helpButton);
    });

    it('folds the disclaimer into a <details> with the whole text as its summary', () => {
      const { shell, find } = make();
      shell.setOpen(true, false);
      const disclaimer = find('kap-disclaimer')!;
      expect(disclaimer.tagName).toBe('DETAILS');
      expect(disclaimer.querySelector('summary')!.textContent).toBe(strings.disclaimer);
    });

    it('shows the crisis links from "Need help now?", once, and hides them again', () => {
      const { shell, find } = make();
      shell.setOpen(true, false);
      fireEvent.click(find('kap-help')!);
      expect(find('kap-help')!.getAttribute('aria-expanded')).toBe('true');
      expect([...find('kap-help-card')!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['tel:131114', 'tel:000']);
      expect(find('kap-panel')!.querySelector('#k-help')!.getAttribute('role')).toBe('alert');
      // Failed: the card is part of the content, not shown twice.
      shell.fail();
      expect(find('kap-panel')!.querySelectorAll('[data-testid=kap-help-card]')).toHaveLength(1);
      fireEvent.click(find('kap-help')!);
      expect(find('kap-help')!.getAttribute('aria-expanded')).toBe('false');
    });

    it('sets the language, direction and theme on the widget as the app does', () => {
      const { shell, host, find } = make({ lang: 'ar', theme: 'dark' });
      shell.setOpen(true, false);
      const frame = host.root.querySelector('.k')!;
      expect([frame.getAttribute('lang'), frame.getAttribute('dir'), frame.getAttribute('data-theme')]).toEqual(['ar', 'rtl', 'dark']);
      expect([host.element.getAttribute('lang'), host.element.getAttribute('dir')]).toEqual(['ar', 'rtl']);
      expect(find('kap-panel')!.getAttribute('data-layout')).toMatch(/^(floating|full-screen)$/);
    });

    it("follows the visitor's colour scheme with theme auto, read when the panel opens, not before", () => {
      const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('dark'), media: query }) as MediaQueryList);
      try {
        const { shell, host } = make({ theme: 'auto' });
        const frame = host.root.querySelector('.k')!;
        expect(frame.hasAttribute('data-theme')).toBe(false);
        expect(matchMedia).not.toHaveBeenCalled();

        shell.setOpen(true, false);

        expect(frame.getAttribute('data-theme')).toBe('dark');
      } finally {
        matchMedia.mockRestore();
      }
    });

    it('is left to right and light without a language or a dark setting', () => {
      const { host } = make({ theme: 'light' });
      const frame = host.root.querySelector('.k')!;
      expect([frame.getAttribute('lang'), frame.getAttribute('dir'), frame.getAttribute('data-theme')]).toEqual([null, 'ltr', 'light']);
      expect(host.element.hasAttribute('dir')).toBe(false);
    });

    it('closes on Escape and on the close button', () => {
      const { shell, find, handlers } = make();
      shell.setOpen(true, true);
      fireEvent.keyDown(find('kap-panel')!, { key: 'Escape' });
      fireEvent.click(find('kap-close')!);
      expect(handlers.onClose).toHaveBeenCalledTimes(2);
    });
  });

  describe('when the rest cannot load', () => {
    it("offers the booking link, the contact and the country's crisis resources as links", () => {
      const { shell, find } = make();
      shell.setOpen(true, false);
      shell.fail();
      expect(find('kap-loading')).toBeNull();
      expect(find('kap-unavailable')!.textContent).toBe(strings.loadFailed);
      const hrefs = [...find('kap-panel')!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual([...strings.booking.map((l) => l.href), 'tel:131114', 'tel:000']);
      expect(find('kap-booking')!.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer');
    });
  });

  describe('detached', () => {
    it('stops listening and says how the visitor left it', () => {
      const { shell, find, handlers } = make();
      shell.setOpen(true, true);
      expect(shell.detach()).toEqual({ open: true, focus: true });
      fireEvent.click(find('kap-launcher')!);
      fireEvent.pointerOver(find('kap-launcher')!);
      expect(handlers.onToggle).not.toHaveBeenCalled();
      expect(handlers.onIntent).not.toHaveBeenCalled();
    });
  });
});
