import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { WidgetStrings } from './types';

/** Longest question the visitor can type. */
export const MAX_QUESTION_LENGTH = 500;
/** The counter appears when this few characters are left. */
const COUNTER_FROM = 50;

export interface ComposerProps {
  strings: Pick<WidgetStrings, 'inputLabel' | 'inputPlaceholder' | 'send' | 'charactersLeft'>;
  /** Called with the trimmed question; never with an empty one. */
  onAsk(text: string): void;
  /** Focus the field when it appears. */
  autoFocus?: boolean;
}

/** The question field and Send button. Enter sends. */
export function Composer({ strings, onAsk, autoFocus }: ComposerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const left = MAX_QUESTION_LENGTH - value.length;
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    // Read the field itself: autofill and dictation do not always fire input events.
    const field = input.current!;
    const text = field.value.trim().slice(0, MAX_QUESTION_LENGTH);
    if (!text) return;
    field.value = '';
    setValue('');
    onAsk(text);
  };
  return (
    <form class="k-form" onSubmit={submit}>
      <label class="k-sr" for="k-in">
        {strings.inputLabel}
      </label>
      <input
        id="k-in"
        ref={input}
        type="text"
        maxLength={MAX_QUESTION_LENGTH}
        value={value}
        placeholder={strings.inputPlaceholder}
        autocomplete="off"
        enterkeyhint="send"
        aria-describedby={left <= COUNTER_FROM ? 'k-count' : undefined}
        data-testid="kap-input"
        onInput={(e) => setValue(e.currentTarget.value)}
        // Explicit, so Enter sends even where implicit form submission is missing; never mid-composition (IME).
        onKeyDown={(e) => e.key === 'Enter' && !e.isComposing && submit(e)}
      />
      <button type="submit" class="k-send" data-testid="kap-send">
        {strings.send}
      </button>
      {left <= COUNTER_FROM && (
        <p id="k-count" class="k-count">
          {strings.charactersLeft.replace('{count}', String(left))}
        </p>
      )}
    </form>
  );
}
