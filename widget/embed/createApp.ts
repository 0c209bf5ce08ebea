import { h, render } from 'preact';
import { createConversation, createEngine, textDirection, type Conversation, type CrisisKind, type Engine, type Knowledge, type Reply, type ReplyAction } from '../core';
import { ChatWidget } from '../ui/ChatWidget';
import { MAX_QUESTION_LENGTH } from '../ui/Composer';
import { panelStyles, shellStyles, styles } from '../ui/styles';
import type { TranscriptMessage, WidgetStrings } from '../ui/types';
import type { Emitter } from './createEmitter';
import { addStyles, createHost, setProperties, type Host } from './createHost';
import { configMessages, errorMessages, guard, warn } from './errorMessages';
import type { WidgetConfig } from './readConfig';
import { clearSession, loadSession, MAX_STORED_MESSAGES, saveSession, type SavedSession } from './sessionStore';
import { themeProperties } from './themeProperties';

/** The stand-in reply behind the typing indicator while the engine is still being built. */
const HOLD: Reply = { route: 'smalltalk', entryId: null, options: [], text: '', actions: [] };

/** Warm-up parts run one after another in one task until this many milliseconds have passed. */
const SHARED_TASK_MS = 4;
/** The same while a question waits for them: fewer hops between tasks, none of them long. */
const HURRIED_TASK_MS = 8;

/** How long the typing indicator shows before a reply (none under prefers-reduced-motion). */
export const TYPING_MS = 400;

export interface AppOptions {
  config: WidgetConfig;
  knowledge: Knowledge;
  emit: Emitter['emit'];
  /** Where the transcript is kept between pages; null keeps it in memory only. */
  storage: Storage | null;
  win?: Window;
  /**
   * The loader's host to take over: the app adds the panel's styles to it and renders over the
   * launcher and panel shell drawn there (Preact reuses their elements, so nothing jumps and focus
   * stays). Default: a new host.
   */
  host?: Host;
  /**
   * Where the visitor left the loader's shell, which wins over `data-open` and the stored session:
   * open or closed, and whether focus was in the panel (it then moves to the question field).
   */
  shown?: { open: boolean; focus: boolean };
  /**
   * A question asked before the matcher and safety structures are built does not build them in one
   * task: the question and the typing indicator show at once, the remaining parts are built one
   * per task, then the reply comes. So no click or key waits behind one long task. The loader's app
   * sets it; without it (tests, playground) such a question is answered in the same task.
   */
  stepwise?: boolean;
}

/** The running widget. Every method is a no-op after `destroy()`. */
export interface App {
  readonly config: WidgetConfig;
  /** The `<kap-chat-widget>` element. */
  readonly host: HTMLElement;
  open(): void;
  close(): void;
  toggle(): void;
  ask(text: string): void;
  /** Clears the transcript and the stored session, and starts over. */
  clear(): void;
  /**
   * The knowledge loader's hook (`config.knowledgeUrl`): swaps the knowledge and keeps the transcript.
   * The config's booking link, title and launcher label still win over the knowledge's.
   */
  applyKnowledge(knowledge: Knowledge): void;
  /** Removes the element, listeners, timers and the stored session. */
  destroy(): void;
}

interface State {
  open: boolean;
  messages: TranscriptMessage[];
  /** The last message is a reply not shown yet: the typing indicator stands in for it. */
  typing: boolean;
  notice: string;
  /** False when the panel opened by itself (restored, data-open): it must not take focus then. */
  focus: boolean;
  /** What the visitor has typed and not sent; kept when the panel closes and between pages. */
  draft: string;
}

const hasCountry = (knowledge: Knowledge, code: string) => Object.prototype.hasOwnProperty.call(knowledge.crisis.countries, code);

/** The config's booking link, title, launcher label and country, laid over the knowledge. */
function withConfig(knowledge: Knowledge, config: WidgetConfig): Knowledge {
  const { practice, ui, crisis } = knowledge;
  const country = config.country && hasCountry(knowledge, config.country) ? config.country : crisis.defaultCountry;
  return {
    ...knowledge,
    practice: { ...practice, booking: { url: config.bookingUrl ?? practice.booking.url, label: config.bookingLabel ?? practice.booking.label } },
    ui: { ...ui, title: config.title ?? ui.title, launcherLabel: config.launcherLabel ?? ui.launcherLabel },
    // The engine words its replies for the knowledge's default country: data-country becomes it.
    crisis: { ...crisis, defaultCountry: country },
  };
}

/** What `prepareApp` worked out for the next `createApp` with the same config and storage. */
interface Prepared {
  config: WidgetConfig;
  storage: Storage | null;
  /** The shell's and the panel's styles, parsed. */
  sheet: CSSStyleSheet | undefined;
  theme: Record<string, string>;
  saved: SavedSession | null;
}

let prepared: Prepared | undefined;

/**
 * Does ahead of the next `createApp` over a loader's host what does not need the DOM: parses the
 * panel's styles, works out the theme's colours and reads the stored session. The mount is the
 * longest task of the start, so the loader calls this in a task of its own before it; without it
 * the mount does all of it itself.
 */
export function prepareApp(config: WidgetConfig, storage: Storage | null): void {
  let sheet: CSSStyleSheet | undefined;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(shellStyles + panelStyles);
  } catch {
    sheet = undefined;
  }
  prepared = { config, storage, sheet, theme: themeProperties(config), saved: loadSession(storage) };
}

/**
 * Mounts the widget and owns its state: the conversation, the transcript, open or closed. The UI
 * only renders that state and reports what the visitor did.
 */
export function createApp({ config, knowledge, emit, storage, win = window, host: given, shown, stepwise = false }: AppOptions): App {
  const ready = prepared?.config === config && prepared.storage === storage ? prepared : undefined;
  prepared = undefined;
  const host = given ?? createHost(win.document, styles, themeProperties(config));
  if (given) {
    // The loader set only the launcher's colours: the panel's are the app's to set.
    setProperties(given.element, ready?.theme ?? themeProperties(config));
    addStyles(given, shellStyles + panelStyles, true, ready?.sheet);
  }
  // The stored session is read after the launcher is up: the first sessionStorage access of a page
  // can take a browser several milliseconds. restore() runs in the next frame, or at once if the
  // visitor acts before that.
  let state: State = { open: config.open, messages: [], typing: false, notice: '', focus: false, draft: '' };
  let restored = false;
  let engine: Engine;
  let conversation: Conversation;
  let strings: WidgetStrings;
  /** `data-lang`, else the knowledge's language; none leaves the page's. */
  let lang: string | null = null;
  let countryWarned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  type VisitorTurn = Extract<TranscriptMessage, { role: 'visitor' }>;
  let pending: VisitorTurn[] = [];
  let cancelWarm: (() => void) | undefined;
  /** The parts of the engine still to build, one per idle period (or per task once a question waits). */
  let steps: Array<() => void> = [];
  /**
   * Turns waiting for those parts (stepwise only), answered in order once they are built: each
   * works out its reply and returns what shows it (see `answerWaiting`).
   */
  let waiting: Array<() => () => void> = [];
  /** A waiting turn's reply is worked out and not shown yet. */
  let answering = false;
  let hurried = false;
  const idleWindow = win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

  /** The conversation, with any restored turns replayed into it first. */
  const current = (): Conversation => {
    // The engine's state (last entry, fit reflection progress) cannot be serialised, so a restored
    // transcript is replayed: each visitor turn goes through the fresh conversation again, silently.
    // The transcript on screen stays as stored; the replayed replies only rebuild the state.
    const turns = pending;
    pending = [];
    for (const m of turns) if (m.action) conversation.choose(m.action);
    else conversation.ask(m.text);
    return conversation;
  };

  /**
   * `settled`: this is the knowledge the widget keeps. A data-country the built-in knowledge lacks
   * may be a country the practice's knowledge file adds, so it is only reported against that file.
   */
  const load = (source: Knowledge, settled: boolean) => {
    if (settled && !countryWarned && config.country && !hasCountry(source, config.country)) {
      countryWarned = true;
      warn(configMessages.unknownCountry(config.country, Object.keys(source.crisis.countries), source.crisis.defaultCountry));
    }
    const merged = withConfig(source, config);
    engine = createEngine(merged);
    strings = { ...merged.ui, subtitle: engine.replies.subtitle(), disclaimer: engine.replies.disclaimer(), avatar: merged.practice.avatar };
    lang = config.lang ?? merged.practice.lang ?? null;
    conversation = createConversation(engine);
    pending = state.messages.filter((m): m is VisitorTurn => m.role === 'visitor');
    if (pending.length === 0) state.messages = [{ role: 'assistant', reply: conversation.greeting }];
    // Showing the launcher never waits for the matcher: it is built when the page is idle, or at
    // the first question if that comes sooner.
    // One part per idle period, so no single task keeps a click waiting long.
    steps = [...engine.warmSteps(), () => void current()];
    cancelWarm?.();
    schedule(next);
  };

  const next = guard(() => {
    cancelWarm = undefined;
    // Short parts share a task: fewer tasks, and fewer of the 4 ms waits browsers put between
    // nested timers when a question is waiting.
    const started = performance.now();
    do steps.shift()?.();
    while (steps.length > 0 && performance.now() - started < (hurried ? HURRIED_TASK_MS : SHARED_TASK_MS));
    if (steps.length > 0) schedule(next);
    else if (waiting.length > 0) schedule(answerWaiting);
  });

  /**
   * Answers the first waiting turn: the reply is worked out in this task and shown in the next, so
   * the last warm-up part (the matcher), working the reply out and drawing it are three tasks, not
   * one long one.
   */
  const answerWaiting = guard(() => {
    cancelWarm = undefined;
    const show = waiting.shift()?.();
    if (!show) return;
    answering = true;
    schedule(
      guard(() => {
        cancelWarm = undefined;
        answering = false;
        show();
        if (waiting.length > 0) schedule(answerWaiting);
      }),
    );
  });

  const schedule = (task: () => void) => {
    if (hurried) {
      // A question waits: the next part in the next task, not in the next idle period.
      const id = setTimeout(task, 0);
      cancelWarm = () => clearTimeout(id);
    } else if (idleWindow.requestIdleCallback) {
      const id = idleWindow.requestIdleCallback(task, { timeout: 2000 });
      cancelWarm = () => idleWindow.cancelIdleCallback?.(id);
    } else {
      const id = setTimeout(task, 200);
      cancelWarm = () => clearTimeout(id);
    }
  };

  const restore = (redraw = true) => {
    if (restored || destroyed) return;
    restored = true;
    const saved = ready ? ready.saved : loadSession(storage);
    if (!saved) return;
    // A stored session wins over data-open (a panel the visitor closed stays closed).
    state = { ...state, open: saved.open, messages: saved.messages, focus: false, draft: saved.draft ?? '' };
    pending = saved.messages.filter((m): m is VisitorTurn => m.role === 'visitor');
    if (pending.length === 0) state.messages = [{ role: 'assistant', reply: conversation.greeting }];
    if (redraw) draw();
  };

  /** The crisis card of the "Need help now?" control: for the kind of the last crisis reply, if any. */
  const help = (): Reply => {
    let kind: CrisisKind | undefined;
    for (const m of state.messages) if (m.role === 'assistant' && m.reply.route === 'crisis') kind = m.reply.kind;
    return engine.replies.help(kind);
  };
  const draw = () => {
    if (destroyed) return;
    // On the host too: the page's [dir] and [lang] rules and its assistive technology see the widget's own.
    if (lang) {
      host.element.setAttribute('lang', lang);
      host.element.setAttribute('dir', textDirection(lang));
    }
    render(h(ChatWidget, { ...state, ...callbacks, strings, help: help(), lang, theme: config.theme }), host.root);
  };
  const update = (patch: Partial<State>, persist = true) => {
    state = { ...state, ...patch };
    if (persist) saveSession(storage, state);
    draw();
  };

  const setOpen = (open: boolean) => {
    restore();
    if (state.open === open) return;
    update({ open, notice: '', focus: true });
    emit(open ? 'open' : 'close', undefined);
  };

  /** Shows the reply the typing indicator stood in for. */
  const reveal = guard(() => {
    clearTimeout(timer);
    if (!state.typing) return;
    update({ typing: false }, false);
    const last = state.messages[state.messages.length - 1];
    if (last?.role === 'assistant' && last.reply.route === 'crisis') emit('crisis-shown', undefined);
  });

  const respond = (visitor: TranscriptMessage, reply: Reply) => {
    const held = state.messages.findIndex((m) => m.role === 'assistant' && m.reply === HOLD);
    // The turn shown while the engine was built: its stand-in reply gives way to the real one.
    const before = held > 0 ? state.messages.slice(0, held - 1) : state.messages;
    if (held < 0) reveal();
    const messages = [...before, visitor, { role: 'assistant', reply } as const].slice(-MAX_STORED_MESSAGES);
    update({ messages, typing: true, notice: '' });
    // The route and entry only: the visitor's words never leave the widget.
    emit('question', { route: reply.route, entryId: reply.entryId });
    if (win.matchMedia?.('(prefers-reduced-motion: reduce)').matches) reveal();
    else timer = setTimeout(reveal, TYPING_MS);
  };

  /**
   * Answers a visitor turn: at once when the engine is built (or not `stepwise`); otherwise the turn
   * and the typing indicator show now and the reply once the remaining parts are built, one per task.
   */
  const turn = (visitor: TranscriptMessage, answer: (c: Conversation) => Reply) => {
    const queued = waiting.length > 0 || answering;
    if (!stepwise || (steps.length === 0 && !queued)) return respond(visitor, answer(current()));
    if (!queued) {
      reveal();
      // The last message is hidden behind the typing indicator while `typing`: a stand-in, not saved.
      update({ messages: [...state.messages, visitor, { role: 'assistant', reply: HOLD }], typing: true, notice: '' }, false);
    }
    waiting.push(() => {
      const reply = answer(current());
      return () => respond(visitor, reply);
    });
    if (!hurried) {
      hurried = true;
      cancelWarm?.();
      schedule(next);
    }
  };

  const ask = (text: string) => {
    const question = String(text ?? '').trim().slice(0, MAX_QUESTION_LENGTH);
    if (!question) return;
    setOpen(true);
    turn({ role: 'visitor', text: question }, (c) => c.ask(question));
  };
  const choose = (action: ReplyAction) => {
    restore();
    turn({ role: 'visitor', text: action.label, action }, (c) => c.choose(action));
  };
  const toggle = () => setOpen(!state.open);
  const clear = () => {
    restore();
    clearTimeout(timer);
    clearSession(storage);
    // Not saved: a cleared conversation leaves nothing in storage until the visitor does something.
    pending = [];
    update({ messages: [{ role: 'assistant', reply: conversation.reset() }], typing: false, notice: strings.clearConfirm }, false);
  };

  const callbacks = {
    onToggle: guard(toggle),
    onClose: guard(() => setOpen(false)),
    onClear: guard(clear),
    onAsk: guard(ask),
    onChoose: guard(choose),
    onBookingClick: guard((href: string) => emit('booking-click', { href })),
    // Kept as typed, without drawing again: the field already shows it.
    onDraft: guard((draft: string) => {
      restore();
      state = { ...state, draft };
      saveSession(storage, state);
    }),
  };

  // On phones the panel fills the visual viewport, which shrinks when the on-screen keyboard opens.
  const viewport = win.visualViewport;
  const fit = guard(() => {
    if (!viewport) return;
    host.element.style.setProperty('--kap-vh', `${viewport.height}px`);
    host.element.style.setProperty('--kap-vt', `${viewport.offsetTop}px`);
  });
  viewport?.addEventListener('resize', fit);
  viewport?.addEventListener('scroll', fit);
  // Reading the viewport forces a layout of the host page: never during the script's own run.
  const firstFit = win.requestAnimationFrame?.(fit);

  load(knowledge, !config.knowledgeUrl);
  if (shown) {
    // The visitor used the shell: the stored transcript comes back in it, and it stays as it is.
    restore(false);
    state = { ...state, open: shown.open, focus: shown.focus };
  }
  draw();
  // Without scrolling it into view (the panel is fixed), which would force a layout; and in a task
  // of its own: focusing brings the style of the panel just drawn up to date, which made the mount
  // the longest task of the start with the CPU throttled.
  const focusTimer = shown?.open && shown.focus ? setTimeout(guard(() => !destroyed && host.root.querySelector('textarea')?.focus({ preventScroll: true }))) : undefined;
  const restoreFrame = win.requestAnimationFrame ? win.requestAnimationFrame(guard(() => restore())) : undefined;
  if (restoreFrame === undefined) restore();

  const live =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (!destroyed) fn(...args);
    };

  return {
    config,
    host: host.element,
    open: live(() => setOpen(true)),
    close: live(() => setOpen(false)),
    toggle: live(toggle),
    ask: live(ask),
    clear: live(clear),
    applyKnowledge: live((next: Knowledge) => {
      load(next, true);
      draw();
    }),
    destroy: live(() => {
      clearTimeout(timer);
      clearTimeout(focusTimer);
      waiting = [];
      cancelWarm?.();
      viewport?.removeEventListener('resize', fit);
      viewport?.removeEventListener('scroll', fit);
      if (firstFit !== undefined) win.cancelAnimationFrame?.(firstFit);
      if (restoreFrame !== undefined) win.cancelAnimationFrame?.(restoreFrame);
      render(null, host.root);
      destroyed = true;
      host.remove();
      clearSession(storage);
    }),
  };
}
