import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Reply, ReplyAction } from '../core';
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
   * What the "Need help now?" control shows: the crisis resources of the configured country, for the
   * kind of the last crisis reply (the core's `ReplyBuilder.help`).
   */
  help: Reply;
  onClose(): void;
  onClear(): void;
  onAsk(text: string): void;
  onChoose(action: ReplyAction): void;
  onBookingClick(href: string): void;
}

/**
 * The chat panel: header with the "Need help now?" control, transcript, quick replies, question
 * field and disclaimer. The control is a disclosure: one activation shows the crisis card right
 * under it, next in the tab order, announced once as an alert; the card keeps what it showed until
 * it is closed, so a reply arriving meanwhile does not announce it again.
 */
export function Panel(props: PanelProps) {
  const { strings, messages, typing } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [help, setHelp] = useState<Reply | null>(null);
  const shown = typing ? messages.slice(0, -1) : messages;
  const last = shown[shown.length - 1];
  const quick = !typing && last?.role === 'assistant' ? last.reply.actions.filter((a) => a.type === 'topic') : [];

  // Bring the top of the newest message into view: a long answer is read from its start.
  useLayoutEffect(() => {
    const box = scroller.current;
    const lines = box?.querySelectorAll<HTMLElement>('.k-msg');
    const newest = lines?.[lines.length - 1];
    if (box && newest) box.scrollTop = Math.max(0, newest.offsetTop - 12);
  }, [shown.length, typing]);

  const choose = (action: ReplyAction) => {
    // The buttons are about to be replaced; keep focus in the panel without opening a phone keyboard.
    scroller.current?.focus();
    props.onChoose(action);
  };

  return (
    <div id="k-panel" class="k-panel" role="dialog" aria-modal="false" aria-labelledby="k-title" data-testid="kap-panel">
      <header class="k-head" role="none">
        <div class="k-titles">
          <h2 id="k-title">{strings.title}</h2>
          <p>{strings.subtitle}</p>
        </div>
        <button type="button" class="k-icon" aria-label={strings.clear} title={strings.clear} data-testid="kap-clear" onClick={props.onClear}>
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
      {help && (
        <div id="k-help" class="k-help-box" role="alert">
          <CrisisCard title={strings.crisisCardTitle} actions={help.actions.filter((a) => a.type !== 'topic')} text={help.text} testId="kap-help-card" />
        </div>
      )}
      <div class="k-scroll" ref={scroller} tabIndex={-1}>
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
      <Composer strings={strings} onAsk={props.onAsk} autoFocus={props.focusOnMount} />
      <p class="k-disc">{strings.disclaimer}</p>
    </div>
  );
}
