import { textDirection } from '../core/text/direction';
import { FULL_SCREEN_QUERY, shellStyles } from '../ui/styles';
import { addStyles, type Host } from './createHost';
import type { FallbackLink, FallbackStrings } from './fallbackStrings';

/** What the shell shows inside the panel while it is the widget. */
export type ShellStatus = 'loading' | 'failed';

export interface ShellOptions {
  host: Host;
  /** The loader's words, with the script tag's title, launcher label, booking link and country laid over them. */
  strings: ShellStrings;
  /** `data-lang`, else the knowledge's language: the widget's `lang` and `dir`; none leaves the page's. */
  lang: string | null;
  /** `data-theme`: `auto` follows the visitor's system setting, as the app does. */
  theme: 'light' | 'dark' | 'auto';
  /** The launcher was clicked (or Enter/Space). */
  onToggle(): void;
  /** The close button or Escape. */
  onClose(): void;
  /** The visitor is about to use the launcher: pointer over it, focus, touch. Time to fetch the rest. */
  onIntent(): void;
}

/** {@link FallbackStrings} for one page: one country's disclaimer and help, the config applied. */
export interface ShellStrings extends Pick<FallbackStrings, 'launcherLabel' | 'title' | 'subtitle' | 'close' | 'loading' | 'loadFailed' | 'crisisCardTitle' | 'helpButton' | 'avatar' | 'booking'> {
  disclaimer: string;
  crisisLinks: FallbackLink[];
}

export interface Shell {
  readonly open: boolean;
  /** `focus`: move focus into the panel (the visitor opened it), not when it opens by itself. */
  setOpen(open: boolean, focus: boolean): void;
  /** The rest could not load: the panel offers booking, contact and crisis links instead. */
  fail(): void;
  /**
   * Stops listening and hands the DOM to the app, which renders over it (Preact reuses the
   * launcher button, so focus stays where it is). Says whether the panel is open and had focus.
   */
  detach(): { open: boolean; focus: boolean };
}

const SVG = 'http://www.w3.org/2000/svg';
/** The same icons as widget/ui/Launcher.tsx and Panel.tsx. */
const CHAT_ICON = 'M4 5h16v11H9l-5 4z';
const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';
/** widget/ui/Avatar.tsx's test: an image address, else a monogram. */
const IMAGE = /^(?:https:\/\/|\/(?!\/))/;

/**
 * The launcher and a panel shell in plain DOM, before Preact, the engine and the knowledge have
 * arrived: the same markup and classes as the app's, so the app takes it over without a jump. The
 * panel shell shows the title, the disclaimer and a quiet loading line; when the rest cannot load,
 * it offers the booking link, the contact and the country's crisis resources as links.
 */
export function createShell({ host, strings, lang, theme, onToggle, onClose, onIntent }: ShellOptions): Shell {
  const doc = host.root.ownerDocument;
  const matches = (query: string) => doc.defaultView?.matchMedia?.(query).matches === true;
  const listening = new AbortController();
  const on = (target: EventTarget, type: string, handler: (e: Event) => void) =>
    target.addEventListener(type, handler, { signal: listening.signal, passive: type === 'touchstart' });
  /** Sets an attribute, or removes it for `undefined`. */
  const attr = (node: Element, name: string, value: string | undefined) => (value === undefined ? node.removeAttribute(name) : node.setAttribute(name, value));
  /** An element; `svg` and `path` in the SVG namespace. Attributes that are `undefined` are left out. */
  const el = (tag: string, attributes: Record<string, string | undefined> = {}, ...children: (Node | string)[]) => {
    const node = tag === 'svg' || tag === 'path' ? doc.createElementNS(SVG, tag) : doc.createElement(tag);
    for (const name in attributes) if (attributes[name] !== undefined) node.setAttribute(name, attributes[name]!);
    node.append(...children);
    return node as HTMLElement;
  };
  const icon = (d: string) => el('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' }, el('path', { d }));
  const button = (attributes: Record<string, string | undefined>, ...children: (Node | string)[]) => el('button', { type: 'button', ...attributes }, ...children);

  let open = false;
  let status: ShellStatus = 'loading';
  let panel: HTMLElement | null = null;
  let scroll: HTMLElement | null = null;
  let styled = false;
  /** The "Need help now?" card is shown. */
  let helping = false;
  // The panel's styles are parsed once the launcher is up, in a task of their own, so that opening
  // the panel does not parse them; or when it opens, if that comes first.
  const addShellStyles = () => {
    if (styled || listening.signal.aborted) return;
    styled = true;
    addStyles(host, shellStyles);
  };

  const launcher = button({ class: 'k-launch', 'aria-label': strings.launcherLabel, title: strings.launcherLabel, 'aria-expanded': 'false', 'data-testid': 'kap-launcher' }, icon(CHAT_ICON));
  // The app's root attributes (widget/ui/ChatWidget.tsx), and on the host as the app sets them.
  const dir = lang ? textDirection(lang) : 'ltr';
  // With `auto`, the theme is read when the panel opens: the launcher does not depend on it, and
  // evaluating a media query while the page's style is not up to date brings it up to date, which
  // was a good part of the loader's main-thread time before the launcher showed.
  const frame = el('div', { class: 'k', lang: lang ?? undefined, dir, 'data-theme': theme === 'auto' ? undefined : theme }, launcher);
  if (lang) {
    attr(host.element, 'lang', lang);
    attr(host.element, 'dir', dir);
  }
  host.root.append(frame);
  const view = doc.defaultView as (Window & { requestIdleCallback?: (task: () => void) => number }) | null;
  if (view?.requestIdleCallback) view.requestIdleCallback(addShellStyles);
  else setTimeout(addShellStyles, 200);

  on(launcher, 'click', onToggle);
  for (const type of ['pointerover', 'focus', 'touchstart']) on(launcher, type, onIntent);
  on(frame, 'keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && open) {
      e.stopPropagation();
      onClose();
    }
  });

  const links = (list: FallbackLink[], cls: string) =>
    list.map(({ label, href, lang: linkLang }) =>
      el('a', { class: cls, href, ...(/^https?:/i.test(href) ? { target: '_blank', rel: 'noopener noreferrer' } : {}), lang: linkLang }, label),
    );

  const crisisCard = () => el('div', { class: 'k-card k-crisis', 'data-testid': 'kap-help-card' }, el('p', { class: 'k-card-t' }, strings.crisisCardTitle), ...links(strings.crisisLinks, 'k-btn'));
  // Once it has failed, the crisis card is part of the content: "Need help now?" does not add a second.
  const body = () =>
    status === 'loading'
      ? [...(helping ? [el('div', { id: 'k-help', class: 'k-help-box', role: 'alert' }, crisisCard())] : []), el('p', { role: 'status', 'data-testid': 'kap-loading' }, strings.loading)]
      : [
          el('p', { role: 'alert', 'data-testid': 'kap-unavailable' }, strings.loadFailed),
          el('div', { class: 'k-card', 'data-testid': 'kap-booking' }, ...links(strings.booking.slice(0, 1), 'k-btn'), ...links(strings.booking.slice(1), 'k-more')),
          crisisCard(),
        ];

  const draw = (focus: boolean) => {
    attr(launcher, 'aria-expanded', String(open));
    attr(launcher, 'aria-controls', open ? 'k-panel' : undefined);
    launcher.replaceChildren(icon(open ? CLOSE_ICON : CHAT_ICON));
    panel?.remove();
    panel = scroll = null;
    if (!open) return;
    addShellStyles();
    if (theme === 'auto') attr(frame, 'data-theme', matches('(prefers-color-scheme: dark)') ? 'dark' : 'light');
    const close = button({ class: 'k-icon', 'aria-label': strings.close, title: strings.close, 'data-testid': 'kap-close' }, icon(CLOSE_ICON));
    on(close, 'click', onClose);
    const helpButton = button({ class: 'k-help', 'aria-expanded': 'false', 'data-testid': 'kap-help' }, strings.helpButton);
    on(helpButton, 'click', () => {
      helping = !helping;
      attr(helpButton, 'aria-expanded', String(helping));
      attr(helpButton, 'aria-controls', helping ? 'k-help' : undefined);
      scroll!.replaceChildren(...body());
      scroll!.scrollTop = 0;
    });
    helping = false;
    const avatar = strings.avatar;
    // The app's layout (widget/ui/Panel.tsx): full screen when narrow or short, modal then.
    const fullScreen = matches(FULL_SCREEN_QUERY);
    scroll = el('div', { class: 'k-scroll', tabindex: '-1', 'data-testid': 'kap-scroll' }, ...body());
    panel = el(
      'div',
      {
        id: 'k-panel',
        class: 'k-panel',
        role: 'dialog',
        'aria-modal': String(fullScreen),
        'aria-labelledby': 'k-title',
        'aria-busy': String(status === 'loading'),
        'data-testid': 'kap-panel',
        'data-layout': fullScreen ? 'full-screen' : 'floating',
      },
      el(
        'div',
        { class: 'k-top' },
        el(
          'header',
          { class: 'k-head', role: 'none' },
          ...(avatar ? [el('span', { class: 'k-av', 'aria-hidden': 'true', 'data-testid': 'kap-avatar' }, IMAGE.test(avatar) ? el('img', { src: avatar, alt: '' }) : avatar)] : []),
          el('div', { class: 'k-titles' }, el('h2', { id: 'k-title' }, strings.title), el('p', { class: 'k-sub' }, strings.subtitle)),
          // Where the app's clear button goes, so the title keeps its width: nothing to clear yet.
          el('span', { class: 'k-icon', 'aria-hidden': 'true' }),
          close,
          el('div', { class: 'k-help-row' }, helpButton),
        ),
      ),
      scroll,
      el('details', { class: 'k-disc', 'data-testid': 'kap-disclaimer' }, el('summary', {}, strings.disclaimer)),
    );
    frame.append(panel);
    // Into the panel, without a text field to open a phone's keyboard: the app moves focus to its
    // question field when it takes over. Without scrolling it into view (the panel is fixed), which
    // would force a layout in this task.
    if (focus) scroll.focus({ preventScroll: true });
  };

  return {
    get open() {
      return open;
    },
    setOpen(next, focus) {
      if (next === open) return;
      open = next;
      draw(focus);
      // Take focus back from the panel that just closed, never from the page (as the app does).
      const active = doc.activeElement;
      if (!open && (!active || active === doc.body || (active === host.element && !host.shadow.activeElement))) launcher.focus();
    },
    fail() {
      status = 'failed';
      // Only the panel's content changes: redrawing the panel would replay its opening animation.
      panel?.setAttribute('aria-busy', 'false');
      scroll?.replaceChildren(...body());
    },
    detach() {
      listening.abort();
      const focus = !!panel && panel.contains(host.shadow.activeElement);
      return { open, focus };
    },
  };
}
