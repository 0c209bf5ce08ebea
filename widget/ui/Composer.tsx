import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { WidgetStrings } from './types';

/** Longest question the visitor can send. */
export const MAX_QUESTION_LENGTH = 500;
/** The counter appears when this few characters are left. */
const COUNTER_FROM = 50;
/** The field grows with its text up to this many lines, then scrolls. */
export const MAX_LINES = 5;

export interface ComposerProps {
  strings: Pick<WidgetStrings, 'inputLabel' | 'inputPlaceholder' | 'send' | 'charactersLeft' | 'tooLong'>;
  /** Called with the trimmed question; never with an empty one, never with one over the limit. */
  onAsk(text: string): void;
  /** What the visitor had typed and not sent, e.g. before the panel was closed or on another page. */
  draft?: string;
  /** Called with the field's text as the visitor types, so a half-typed question can be kept. */
  onDraft?(text: string): void;
  /** Focus the field when it appears. */
  autoFocus?: boolean;
  /** The field, for the panel to move focus to. */
  fieldRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The question field and Send button. Enter sends, Shift+Enter starts a new line; the field grows
 * to five lines, fewer where the messages need the room (see the stylesheet). Nothing is cut: a paste over the limit stays in the field, the counter goes below
 * zero and a short message says to shorten it, and Send waits until it fits.
 */
export function Composer({ strings, onAsk, draft = '', onDraft, autoFocus, fieldRef }: ComposerProps) {
  const own = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(draft);
  const left = MAX_QUESTION_LENGTH - value.length;
  const over = left < 0;

  // A draft restored from another page arrives after the first render.
  useLayoutEffect(() => setValue(draft), [draft]);
  useLayoutEffect(() => {
    if (autoFocus) own.current?.focus();
  }, []);
  useLayoutEffect(() => grow(own.current), [value]);

  const field = (element: HTMLTextAreaElement | null) => {
    own.current = element;
    if (typeof fieldRef === 'function') fieldRef(element);
    else if (fieldRef) fieldRef.current = element;
  };
  const change = (text: string) => {
    setValue(text);
    onDraft?.(text);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    // Read the field itself: autofill and dictation do not always fire input events.
    const element = own.current!;
    const text = element.value.trim();
    if (!text) return;
    if (text.length > MAX_QUESTION_LENGTH) {
      change(element.value);
      element.focus();
      return;
    }
    element.value = '';
    change('');
    onAsk(text);
  };
  const described = [over ? 'k-too-long' : '', left <= COUNTER_FROM ? 'k-count' : ''].filter(Boolean).join(' ');
  return (
    <form class="k-form" onSubmit={submit}>
      <label class="k-sr" for="k-in">
        {strings.inputLabel}
      </label>
      <div class="k-row">
        <textarea
          id="k-in"
          ref={field}
          rows={1}
          value={value}
          placeholder={strings.inputPlaceholder}
          autocomplete="off"
          enterkeyhint="send"
          aria-invalid={over || undefined}
          aria-describedby={described || undefined}
          data-testid="kap-input"
          onInput={(e) => change(e.currentTarget.value)}
          // Enter sends, Shift+Enter is a new line; never mid-composition (IME).
          onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && submit(e)}
        />
        <button type="submit" class="k-send" data-testid="kap-send">
          {strings.send}
        </button>
      </div>
      {left <= COUNTER_FROM && (
        <p class="k-notes">
          {over && (
            <span id="k-too-long" class="k-over" role="alert" data-testid="kap-too-long">
              {strings.tooLong.replace('{max}', String(MAX_QUESTION_LENGTH))}{' '}
            </span>
          )}
          <span id="k-count" class={over ? 'k-over' : undefined} data-testid="kap-count">
            {strings.charactersLeft.replace('{count}', String(left))}
          </span>
        </p>
      )}
    </form>
  );
}

/**
 * Where `field-sizing: content` is not supported: as many rows as the text takes, up to five. Rows,
 * not an inline height, so the field can still give way (the stylesheet stretches it to its grid
 * row) where the messages need the room.
 */
function grow(element: HTMLTextAreaElement | null): void {
  if (!element || globalThis.CSS?.supports?.('field-sizing', 'content')) return;
  // One row first, so the text's own height is measured, not the field's.
  element.rows = 1;
  const style = getComputedStyle(element);
  const line = parseFloat(style.lineHeight);
  const text = element.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  if (line > 0 && text > 0) element.rows = Math.min(MAX_LINES, Math.max(1, Math.round(text / line)));
}
