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

  describe('when Escape is pressed anywhere inside the widget', () => {
    it('calls onClose from the header, the clear question and the launcher', () => {
      const onClose = vi.fn();
      render(<ChatWidget {...props({ open: true, onClose })} />);
      fireEvent.keyDown(screen.getByTestId('kap-help'), { key: 'Escape' });
      fireEvent.click(screen.getByTestId('kap-clear'));
      fireEvent.keyDown(screen.getByTestId('kap-clear-no'), { key: 'Escape' });
      fireEvent.keyDown(screen.getByTestId('kap-launcher'), { key: 'Escape' });
      expect(onClose).toHaveBeenCalledTimes(3);
    });
  });

  describe('with a language', () => {
    it('marks the widget with it, and its direction', () => {
      const { container } = render(<ChatWidget {...props({ lang: 'es' })} />);
      expect(container.querySelector('.k')?.getAttribute('lang')).toBe('es');
      expect(container.querySelector('.k')?.getAttribute('dir')).toBe('ltr');
    });

    it('reads right to left for a right-to-left language', () => {
      const { container } = render(<ChatWidget {...props({ lang: 'ar' })} />);
      expect(container.querySelector('.k')?.getAttribute('dir')).toBe('rtl');
    });
  });

  describe('without a language', () => {
    it('still sets its direction, so a right-to-left page does not flip it', () => {
      const { container } = render(<ChatWidget {...props()} />);
      expect(container.querySelector('.k')?.getAttribute('dir')).toBe('ltr');
    });
  });

  describe('its theme', () => {
    const themeOf = (container: Element) => container.querySelector('.k')?.getAttribute('data-theme');
    const systemPrefersDark = (dark: boolean) =>
      vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: dark && query.includes('dark'), media: query }) as MediaQueryList);
    afterEach(() => vi.restoreAllMocks());

    it('follows the system setting by default', () => {
      systemPrefersDark(true);
      expect(themeOf(render(<ChatWidget {...props()} />).container)).toBe('dark');
      cleanup();
      systemPrefersDark(false);
      expect(themeOf(render(<ChatWidget {...props({ theme: 'auto' })} />).container)).toBe('light');
    });

    it('is light or dark when data-theme says so, whatever the system', () => {
      systemPrefersDark(true);
      expect(themeOf(render(<ChatWidget {...props({ theme: 'light' })} />).container)).toBe('light');
      cleanup();
      systemPrefersDark(false);
      expect(themeOf(render(<ChatWidget {...props({ theme: 'dark' })} />).container)).toBe('dark');
    });
  });
});
