import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Launcher } from '../../widget/ui/Launcher';

afterEach(cleanup);

describe('Launcher', () => {
  describe('when the panel is closed', () => {
    it('is a button named by the launcher label', () => {
      render(<Launcher label="Questions? Chat with us" open={false} onToggle={() => {}} />);
      const button = screen.getByRole('button', { name: 'Questions? Chat with us' });
      expect(button.getAttribute('data-testid')).toBe('kap-launcher');
      expect(button.getAttribute('aria-expanded')).toBe('false');
      expect(button.hasAttribute('aria-controls')).toBe(false);
    });

    it('calls onToggle when clicked', () => {
      const onToggle = vi.fn();
      render(<Launcher label="Chat" open={false} onToggle={onToggle} />);
      fireEvent.click(screen.getByTestId('kap-launcher'));
      expect(onToggle).toHaveBeenCalledOnce();
    });

    it('hides its icon from assistive technology', () => {
      render(<Launcher label="Chat" open={false} onToggle={() => {}} />);
      expect(screen.getByTestId('kap-launcher').querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    });
  });

  describe('when the panel is open', () => {
    it('reports itself expanded and controlling the panel', () => {
      render(<Launcher label="Chat" open onToggle={() => {}} />);
      const button = screen.getByTestId('kap-launcher');
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(button.getAttribute('aria-controls')).toBe('k-panel');
    });
  });
});
