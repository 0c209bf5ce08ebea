import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Reply, ReplyAction } from '../core';
import { Avatar } from './Avatar';
import { Composer } from './Composer';
import { CrisisCard } from './CrisisCard';
import { Message } from './Message';
import { QuickReplies } from './QuickReplies';
import { TypingIndicator } from './TypingIndicator';
import type { TranscriptMessage, WidgetStrings } from './types';

export interface PanelProps {
  strings: WidgetStrings;
  messages: TranscriptMessage[];
  /** The last message is a reply still "being typed": show the indicator instead. */
  typing: boolean;
  /** A short status for screen readers, e.g. `ui.clearConfirm`. */
  notice?: string;
  /** Move focus to the question field when the panel appears (not when it is restored on page load). */
  focusOnMount?: boolean;
  /**
   * The panel fills the screen (a narrow or short viewport): it is then modal, and Tab cycles
   * inside it instead of leaving for a page the visitor cannot see.
   */
  fullScreen?: boolean;
  /**
   * What the "Need help now?" control shows: the crisis resources of the configured country, for the
   * kind of the last crisis reply (the core's `ReplyBuilder.help`).
   */
  help: Reply;
  /** The half-typed question kept between pages; see `Composer`. */
  draft?: string;
  onDraft?(text: string): void;
  onClose(): void;
  /** Called once the visitor has confirmed clearing the conversation. */
  onClear(): void;
  onAsk(text: string): void;
  onChoose(action: ReplyAction): void;
  onBookingClick(href: string): void;
}

const FOCUSABLE = 'a[href],button:not([disabled]),textarea,input,summary,[tabindex="0"]';

/**
 * The chat panel: header (avatar, title, clear, close, "Need help now?"), transcript, quick
 * replies, question field and disclaimer. The "Need help now?" control is a disclosure: one
 * activation shows the crisis card at the top of the transcript area, next in the tab order after
 * the control, announced once as an alert; the card keeps what it showed until it is closed, so a
 * reply arriving meanwhile does not announce it again, and a crisis reply closes it, so one card
 * shows the resources at a time. Clearing asks first.
 */
export function Panel(props: PanelProps) {
  const { strings, messages, typing, fullScreen = false } = props;
  const panel = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const [help, setHelp] = useState<Reply | null>(null);
  const [confirming, setConfirming] = useState(false);
  const shown = typing ? messages.slice(0, -1) : messages;
  const last = shown[shown.length - 1];
  const quick = !typing && last?.role === 'assistant' ? last.reply.actions.filter((a) => a.type === 'topic') : [];
  const crisisShown = last?.role === 'assistant' && last.reply.route === 'crisis';

  // Bring the top of the newest message into view: a long answer is read from its start. Just
  // before the next frame, not in this task: reading its position forces a layout of the page,
  // which the frame does anyway, and the task that renders an answer is long enough already.
  useLayoutEffect(() => {
    const box = scroller.current;
    const view = box?.ownerDocument.defaultView;
    const scroll = () => {
      const lines = box?.querySelectorAll<HTMLElement>('.k-msg');
      const newest = lines?.[lines.length - 1];
      if (box && newest) box.scrollTop = Math.max(0, newest.offsetTop - 12);
    };
    if (!view?.requestAnimationFrame) return scroll();
    const frame = view.requestAnimationFrame(scroll);
    return () => view.cancelAnimationFrame(frame);
  }, [shown.length, typing]);
  // A crisis reply is the card now: the help card would show the same resources a second time.
  useLayoutEffect(() => {
    if (crisisShown) setHelp(null);
  }, [crisisShown, shown.length]);
  useLayoutEffect(() => {
    if (help && scroller.current) scroller.current.scrollTop = 0;
  }, [help]);
  // Focus moves once the header is no longer inert: into the question, or back to the clear button.
  const answered = useRef<'clear' | 'keep' | null>(null);
  useLayoutEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (answered.current === 'clear') field.current?.focus();
    else if (answered.current === 'keep') clearButton.current?.focus();
    answered.current = null;
  }, [confirming]);

  const choose = (action: ReplyAction) => {
    // The button is about to be replaced: the visitor goes on from the question field, as after a
    // typed question (never from the top of the transcript, where a screen reader would start again).
    field.current?.focus();
    props.onChoose(action);
  };
  const answerClear = (clear: boolean) => {
    answered.current = clear ? 'clear' : 'keep';
    setConfirming(false);
    if (clear) {
      setHelp(null);
      props.onClear();
    }
  };
  /** Full screen: Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  const trapTab = (e: KeyboardEvent) => {
    if (!fullScreen || e.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[inert]') && el.getClientRects().length > 0);
    const first = focusable[0];
    const lastOne = focusable[focusable.length - 1];
    const active = (panel.current.getRootNode() as Document | ShadowRoot).activeElement;
    if (!first || !lastOne) return;
    const inside = active instanceof Node && panel.current.contains(active);
    if (e.shiftKey ? active === first || !inside : active === lastOne || !inside) {
      e.preventDefault();
      (e.shiftKey ? lastOne : first).focus();
    }
  };

  return (
    <div
      id="k-panel"
      ref={panel}
      class="k-panel"
      role="dialog"
      aria-modal={fullScreen ? 'true' : 'false'}
      aria-labelledby="k-title"
      data-testid="kap-panel"
      data-layout={fullScreen ? 'full-screen' : 'floating'}
      onKeyDown={trapTab}
    >
      <div class="k-top">
        <header class="k-head" role="none" inert={confirming || undefined}>
          {strings.avatar && <Avatar avatar={strings.avatar} />}
          <div class="k-titles">
            <h2 id="k-title">{strings.title}</h2>
            <p class="k-sub">{strings.subtitle}</p>
          </div>
          <button
            type="button"
            ref={clearButton}
            class="k-icon"
            aria-label={strings.clear}
            title={strings.clear}
            data-testid="kap-clear"
            onClick={() => setConfirming(true)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
            </svg>
          </button>
          <button type="button" class="k-icon" aria-label={strings.close} title={strings.close} data-testid="kap-close" onClick={props.onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
          <div class="k-help-row">
            <button
              type="button"
              class="k-help"
              aria-expanded={help !== null}
              aria-controls={help ? 'k-help' : undefined}
              data-testid="kap-help"
              onClick={() => setHelp(help ? null : props.help)}
            >
              {strings.helpButton}
            </button>
          </div>
        </header>
        {confirming && (
          <div class="k-confirm" role="group" aria-labelledby="k-clear-ask" data-testid="kap-clear-confirm">
            <p id="k-clear-ask">{strings.clearAsk}</p>
            <button type="button" class="k-yes" data-testid="kap-clear-yes" onClick={() => answerClear(true)}>
              {strings.clearYes}
            </button>
            <button type="button" ref={keepButton} data-testid="kap-clear-no" onClick={() => answerClear(false)}>
              {strings.clearNo}
            </button>
          </div>
        )}
      </div>
      <div class="k-scroll" ref={scroller} tabIndex={-1} data-testid="kap-scroll">
        {help && (
          <div id="k-help" class="k-help-box" role="alert">
            <CrisisCard
              title={strings.crisisCardTitle}
              actions={help.actions.filter((a) => a.type !== 'topic')}
              text={help.text}
              newTab={strings.newTab}
              testId="kap-help-card"
            />
          </div>
        )}
        <div class="k-log" role="log" aria-live="polite" aria-label={strings.transcriptLabel} data-testid="kap-log">
          {shown.map((message, i) => (
            <Message key={i} message={message} strings={strings} onBookingClick={props.onBookingClick} />
          ))}
          {typing && <TypingIndicator label={strings.typing} />}
        </div>
        {quick.length > 0 && <QuickReplies actions={quick} onChoose={choose} />}
      </div>
      <p class="k-sr" role="status">
        {props.notice}
      </p>
      <Composer strings={strings} onAsk={props.onAsk} draft={props.draft} onDraft={props.onDraft} autoFocus={props.focusOnMount} fieldRef={field} />
      <details class="k-disc" data-testid="kap-disclaimer">
        <summary>{strings.disclaimer}</summary>
      </details>
    </div>
  );
}
