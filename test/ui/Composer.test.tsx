import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer, MAX_QUESTION_LENGTH } from '../../widget/ui/Composer';
import { strings } from './fixtures';

afterEach(cleanup);

const type = (text: string) => {
  const input = screen.getByTestId('kap-input') as HTMLInputElement;
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
    it('is labelled, a text input, and limited to 500 characters', () => {
      render(<Composer strings={strings} onAsk={() => {}} />);
      const input = screen.getByLabelText(strings.inputLabel) as HTMLInputElement;
      expect(input.type).toBe('text');
      expect(input.maxLength).toBe(MAX_QUESTION_LENGTH);
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

    it('takes focus when asked to', () => {
      render(<Composer strings={strings} onAsk={() => {}} autoFocus />);
      expect(document.activeElement).toBe(screen.getByTestId('kap-input'));
    });
  });
});
