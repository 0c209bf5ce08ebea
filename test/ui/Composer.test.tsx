import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer, MAX_QUESTION_LENGTH } from '../../widget/ui/Composer';
import { strings } from './fixtures';

afterEach(cleanup);

const type = (text: string) => {
  const input = screen.getByTestId('kap-input') as HTMLTextAreaElement;
  input.value = text;
  fireEvent.input(input);
  return input;
};

describe('Composer', () => {
  describe('when the visitor presses Enter', () => {
    it('sends the trimmed question and empties the field', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      const input = type('  What is KAP?  ');
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(onAsk).toHaveBeenCalledWith('What is KAP?');
      expect(input.value).toBe('');
    });

    it('sends nothing for an empty field', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      fireEvent.keyDown(type('   '), { key: 'Enter' });
      expect(onAsk).not.toHaveBeenCalled();
    });

    it('adds a new line with Shift held, and sends nothing', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      const input = type('First line');
      const event = new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true });
      input.dispatchEvent(event);
      expect(onAsk).not.toHaveBeenCalled();
      expect(event.defaultPrevented).toBe(false);
    });

    it('sends a question of several lines as typed', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      fireEvent.keyDown(type('First line\nSecond line'), { key: 'Enter' });
      expect(onAsk).toHaveBeenCalledWith('First line\nSecond line');
    });

    it('waits while an input method is composing', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      fireEvent.keyDown(type('ketamine'), { key: 'Enter', isComposing: true });
      expect(onAsk).not.toHaveBeenCalled();
    });
  });

  describe('when the visitor clicks Send', () => {
    it('sends the question', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      type('Is it safe?');
      fireEvent.click(screen.getByRole('button', { name: strings.send }));
      expect(onAsk).toHaveBeenCalledWith('Is it safe?');
    });
  });

  describe('the field', () => {
    it('is a labelled text area, one line to start with, that cuts nothing', () => {
      render(<Composer strings={strings} onAsk={() => {}} />);
      const input = screen.getByLabelText(strings.inputLabel) as HTMLTextAreaElement;
      expect(input.tagName).toBe('TEXTAREA');
      expect(input.getAttribute('rows')).toBe('1');
      // A maxlength would cut a long paste without a word.
      expect(input.hasAttribute('maxlength')).toBe(false);
      expect(MAX_QUESTION_LENGTH).toBe(500);
    });

    it('shows no counter far from the limit', () => {
      render(<Composer strings={strings} onAsk={() => {}} />);
      type('a'.repeat(100));
      expect(screen.queryByText(/characters left/)).toBeNull();
    });

    it('shows the characters left near the limit', () => {
      render(<Composer strings={strings} onAsk={() => {}} />);
      const input = type('a'.repeat(470));
      const counter = screen.getByText('30 characters left');
      expect(input.getAttribute('aria-describedby')).toBe(counter.id);
    });

    it('keeps a paste over the limit whole, says so, and sends nothing until it fits', () => {
      const onAsk = vi.fn();
      render(<Composer strings={strings} onAsk={onAsk} />);
      const long = 'a'.repeat(MAX_QUESTION_LENGTH + 20);
      const input = type(long);
      expect(input.value).toBe(long);
      expect(screen.getByText('-20 characters left')).toBeTruthy();
      const message = screen.getByRole('alert');
      expect(message.textContent!.trim()).toBe(strings.tooLong.replace('{max}', '500'));
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain(message.id);
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(onAsk).not.toHaveBeenCalled();
      expect(input.value).toBe(long);

      fireEvent.keyDown(type('a'.repeat(MAX_QUESTION_LENGTH)), { key: 'Enter' });
      expect(onAsk).toHaveBeenCalledWith('a'.repeat(MAX_QUESTION_LENGTH));
    });

    it('starts from a kept draft and reports every change to it', () => {
      const onDraft = vi.fn();
      render(<Composer strings={strings} onAsk={() => {}} draft="Half a quest" onDraft={onDraft} />);
      const input = screen.getByTestId('kap-input') as HTMLTextAreaElement;
      expect(input.value).toBe('Half a quest');
      type('Half a question?');
      expect(onDraft).toHaveBeenLastCalledWith('Half a question?');
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(onDraft).toHaveBeenLastCalledWith('');
    });

    it('takes focus when asked to', () => {
      render(<Composer strings={strings} onAsk={() => {}} autoFocus />);
      expect(document.activeElement).toBe(screen.getByTestId('kap-input'));
    });
  });
});
