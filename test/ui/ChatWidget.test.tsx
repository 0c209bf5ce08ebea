import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget, type ChatWidgetProps } from '../../widget/ui/ChatWidget';
import { help, noop, reply, strings } from './fixtures';

afterEach(cleanup);

const props = (overrides: Partial<ChatWidgetProps> = {}): ChatWidgetProps => ({
  strings,
  open: false,
  messages: [{ role: 'assistant', reply: reply({ route: 'smalltalk', text: 'Hi!' }) }],
  typing: false,
  help,
  onToggle: noop,
  onClose: noop,
  onClear: noop,
  onAsk: noop,
  onChoose: noop,
  onBookingClick: noop,
  ...overrides,
});

describe('ChatWidget', () => {
  describe('when closed', () => {
    it('shows only the launcher', () => {
      render(<ChatWidget {...props()} />);
      expect(screen.getByTestId('kap-launcher')).toBeTruthy();
      expect(screen.queryByTestId('kap-panel')).toBeNull();
    });
  });

  describe('when rendered open on page load', () => {
    it('shows the panel without taking focus', () => {
      render(<ChatWidget {...props({ open: true })} />);
      expect(screen.getByTestId('kap-panel')).toBeTruthy();
      expect(document.activeElement).toBe(document.body);
    });
  });

  describe('when it opens', () => {
    it('moves focus to the question field', () => {
      const { rerender } = render(<ChatWidget {...props()} />);
      rerender(<ChatWidget {...props({ open: true })} />);
      expect(document.activeElement).toBe(screen.getByTestId('kap-input'));
    });
  });

  describe('when it closes', () => {
    it('moves focus back to the launcher', () => {
      const { rerender } = render(<ChatWidget {...props()} />);
      rerender(<ChatWidget {...props({ open: true })} />);
      rerender(<ChatWidget {...props({ open: false })} />);
      expect(document.activeElement).toBe(screen.getByTestId('kap-launcher'));
    });

    it('leaves focus on the page when it was there', () => {
      const pageButton = document.body.appendChild(document.createElement('button'));
      const { rerender } = render(<ChatWidget {...props()} />);
      rerender(<ChatWidget {...props({ open: true })} />);
      pageButton.focus();
      rerender(<ChatWidget {...props({ open: false })} />);
      expect(document.activeElement).toBe(pageButton);
      pageButton.remove();
    });
  });

  describe('when Escape is pressed in the panel', () => {
    it('calls onClose', () => {
      const onClose = vi.fn();
      render(<ChatWidget {...props({ open: true, onClose })} />);
      fireEvent.keyDown(screen.getByTestId('kap-input'), { key: 'Escape' });
      expect(onClose).toHaveBeenCalledOnce();
    });
  });

  describe('with a language', () => {
    it('marks the widget with it', () => {
      const { container } = render(<ChatWidget {...props({ lang: 'es' })} />);
      expect(container.querySelector('.k')?.getAttribute('lang')).toBe('es');
    });
  });
});
