import { launcherStyles } from '../ui/styles';
import { createApi, replay } from './createApi';
import type { App } from './createApp';
import { createEmitter } from './createEmitter';
import { createHost, type Host } from './createHost';
import { createShell, type Shell, type ShellStrings } from './createShell';
import { errorMessages, guard, warn } from './errorMessages';
import type { FallbackStrings } from './fallbackStrings';
import { loadScript } from './loadScript';
import { parseConfig, type InvalidAttribute, type WidgetConfig } from './readConfig';
import { REST_FILES, type RestFile, type RestFiles } from './restTypes';
import { clearSession, sessionStorageOrNull } from './sessionStore';
import { launcherProperties } from './themeProperties';
import type { KapChatApi, KapChatGlobal, KapChatStub, QueuedCall } from './types';

type KapChatWindow = Window & { KapChat?: KapChatGlobal | KapChatStub };

/**
 * Fetches one of the files next to the loader. Returns its exports, or a promise of them that
 * rejects with a reason for the console. Tests hand the modules over directly.
 */
export type LoadRest = <F extends RestFile>(file: F) => Loaded<F>;
type Loaded<F extends RestFile> = RestFiles[F] | Promise<RestFiles[F]>;

export interface InitOptions {
  /** The loader's words and links (from the knowledge, at build time). */
  strings: FallbackStrings;
  win?: KapChatWindow;
  /** Default: a `<script>` for the file next to the script tag's `src` (see `restUrl`). */
  load?: LoadRest;
  /** Called once the app has taken over. */
  onReady?(app: App): void;
}

/** Where a file next to the loader is: resolved against the script tag's own `src`, so a CDN works. */
export function restUrl(script: HTMLOrSVGScriptElement | null, file: RestFile, pageUrl: string): string {
  const src = (script as HTMLScriptElement | null)?.src;
  return new URL(REST_FILES[file], src || pageUrl).href;
}

/** The loader's strings for this page: the script tag's title, label, booking link and country laid over them. */
export function shellStrings(strings: FallbackStrings, config: WidgetConfig): ShellStrings {
  const code = config.country && Object.prototype.hasOwnProperty.call(strings.countries, config.country) ? config.country : strings.defaultCountry;
  const country = strings.countries[code]!;
  const [book, ...contact] = strings.booking;
  const booking = book ? [{ label: config.bookingLabel ?? book.label, href: config.bookingUrl ?? book.href }, ...contact] : contact;
  return {
    ...strings,
    title: config.title ?? strings.title,
    launcherLabel: config.launcherLabel ?? strings.launcherLabel,
    booking,
    disclaimer: country.disclaimer,
    crisisLinks: country.links,
  };
}

/**
 * The loader (dist/kap-chat.js): reads the script tag's `data-` attributes now (while the tag is
 * `document.currentScript`), installs `window.KapChat` at once (so a second tag sees it), and once
 * the DOM is ready draws the launcher and replays the stub's queued calls. The rest (UI, engine,
 * knowledge) is fetched when the page has loaded, or sooner when the visitor reaches for the
 * launcher; a panel opened before it arrives is a shell that the app takes over. With
 * `data-knowledge-url`, the validator is fetched beside it and the knowledge swapped in.
 */
export function init(script: HTMLOrSVGScriptElement | null, { strings, win = window as KapChatWindow, load, onReady }: InitOptions): void {
  const existing = win.KapChat;
  if (existing && typeof (existing as KapChatGlobal).destroy === 'function') return warn(errorMessages.alreadyLoaded);
  const doc = win.document;
  const pageUrl = win.location.href;
  /** Reported by the app, which carries the messages. */
  const invalid: InvalidAttribute[] = [];
  const config = parseConfig((script as HTMLScriptElement | null)?.dataset ?? {}, pageUrl, (key, raw) => invalid.push([key, raw]));
  const cancels: Array<() => void> = [];
  const fetchFile: LoadRest =
    load ??
    ((file) => {
      const loading = loadScript<RestFiles[typeof file]>(doc, restUrl(script, file, pageUrl));
      cancels.push(loading.cancel);
      return loading.promise;
    });

  const emitter = createEmitter();
  // Never read while the launcher is drawn: a page's first sessionStorage access can take a browser
  // several milliseconds (about 9 in Chromium here). Read in a task of its own while the rest downloads.
  let stored: Storage | null | undefined;
  const storage = () => (stored === undefined ? (stored = sessionStorageOrNull(win)) : stored);
  /** Calls made before the DOM is ready: the stub's queue, then the API's own. */
  const early: QueuedCall[] = [...(((existing as KapChatStub | undefined)?.q ?? []) as QueuedCall[])];
  /** Questions asked before the app arrived, asked again once it has. */
  const asked: string[] = [];
  let host: Host | undefined;
  let shell: Shell | undefined;
  let app: App | undefined;
  let requested = false;
  /** The visitor (or the page, through the API) opened or closed the shell: the app keeps that. */
  let used = false;
  let destroyed = false;

  const setOpen = (open: boolean) => {
    if (!shell || shell.open === open) return;
    used = true;
    shell.setOpen(open, true);
    emitter.emit(open ? 'open' : 'close', undefined);
    if (open) fetchRest();
  };
  const target: Pick<App, 'open' | 'close' | 'toggle' | 'ask' | 'destroy'> = {
    open: () => (app ? app.open() : setOpen(true)),
    close: () => (app ? app.close() : setOpen(false)),
    toggle: () => (app ? app.toggle() : setOpen(!shell?.open)),
    ask(text) {
      if (app) return app.ask(text);
      if (!String(text ?? '').trim()) return;
      asked.push(String(text));
      setOpen(true);
    },
    destroy() {
      destroyed = true;
      for (const cancel of cancels) cancel();
      doc.removeEventListener('DOMContentLoaded', startOnce);
      win.removeEventListener('load', onLoad);
      if (app) app.destroy();
      else {
        // Its listeners, and the panel's styles it would still add in an idle moment.
        shell?.detach();
        host?.remove();
        clearSession(storage());
      }
    },
  };
  const api = createApi(target, emitter, () => {
    if (win.KapChat === api) delete win.KapChat;
  });
  // Before the DOM is ready the calls wait in line, as the stub's did.
  const queueing = (name: keyof KapChatApi) => {
    const method = api[name] as (...args: unknown[]) => unknown;
    (api as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (shell || destroyed || name === 'on' || name === 'destroy' ? method(...args) : void early.push([name, ...args]));
  };
  for (const name of ['open', 'close', 'toggle', 'ask'] as const) queueing(name);
  win.KapChat = api;

  const takeOver = guard((rest: RestFiles['app'], validator: Loaded<'validator'> | undefined) => {
    if (destroyed || !shell || !host) return;
    const shown = shell.detach();
    app = rest.mount({
      config,
      invalid,
      emit: emitter.emit,
      storage: storage(),
      win,
      host,
      ...(used ? { shown } : {}),
      ...(validator ? { validator: { file: validator, url: restUrl(script, 'validator', pageUrl) } } : {}),
    });
    for (const text of asked.splice(0)) app.ask(text);
    onReady?.(app);
  });
  const failed = (error: unknown) => {
    if (destroyed || app) return;
    warn(errorMessages.restFailed(restUrl(script, 'app', pageUrl), String((error as Error)?.message ?? error)));
    shell?.fail();
  };

  const fetchRest = () => {
    if (requested || destroyed) return;
    requested = true;
    win.removeEventListener('load', onLoad);
    setTimeout(() => !destroyed && storage());
    let validator: Loaded<'validator'> | undefined;
    try {
      validator = config.knowledgeUrl ? fetchFile('validator') : undefined;
      // An unhandled rejection would reach the page's console as an error: the app reports it.
      if (validator instanceof Promise) validator.catch(() => {});
      const rest = fetchFile('app');
      // The mount in a task of its own, not in the one that evaluated the file, and what can be
      // prepared for it in another before it: shorter tasks.
      const later = (task: () => void) => void setTimeout(() => !destroyed && task());
      if (rest instanceof Promise) rest.then((r) => later(() => (r.prepare?.(config, storage()), later(() => takeOver(r, validator)))), failed);
      else takeOver(rest, validator);
    } catch (error) {
      failed(error);
    }
  };
  // Not in the page's load task itself: the page's own load handlers go first.
  const onLoad = () => setTimeout(fetchRest);

  const start = () => {
    if (destroyed) return;
    host = createHost(doc, launcherStyles, launcherProperties(config), false);
    shell = createShell({
      host,
      strings: shellStrings(strings, config),
      lang: config.lang ?? strings.lang ?? null,
      theme: config.theme,
      onToggle: guard(() => target.toggle()),
      onClose: guard(() => target.close()),
      onIntent: guard(fetchRest),
    });
    doc.body.append(host.element);
    if (config.open) {
      shell.setOpen(true, false);
      fetchRest();
    }
    replay(api, early.splice(0));
    if (doc.readyState === 'complete') onLoad();
    else win.addEventListener('load', onLoad, { once: true });
  };
  const startOnce = guard(start);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', startOnce, { once: true });
  else startOnce();
}
