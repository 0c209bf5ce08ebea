import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyAction } from '../../widget/core';
import { Panel, type PanelProps } from '../../widget/ui/Panel';
import type { TranscriptMessage } from '../../widget/ui/types';
import { help, noop, reply, replies, strings, topic } from './fixtures';

afterEach(cleanup);

const suggestions = [topic('What is KAP?'), topic('What is IFS?')];
const greeting: TranscriptMessage = { role: 'assistant', reply: reply({ route: 'smalltalk', text: 'Hi!', actions: suggestions }) };
const question: TranscriptMessage = { role: 'visitor', text: 'what is ifs' };
const answer: TranscriptMessage = { role: 'assistant', reply: reply({ entryId: 'what-is-ifs', text: 'IFS is…', actions: [topic('Who might benefit?')] }) };

const renderPanel = (props: Partial<PanelProps> = {}) =>
  render(
    <Panel
      strings={strings}
      messages={[greeting]}
      typing={false}
      help={help}
      onClose={noop}
      onClear={noop}
      onAsk={noop}
      onChoose={noop}
      onBookingClick={noop}
      {...props}
    />,
  );

describe('Panel', () => {
  describe('its structure', () => {
    it('is a non-modal dialog labelled by its title', () => {
      renderPanel();
      const dialog = screen.getByRole('dialog', { name: strings.title });
      expect(dialog.getAttribute('aria-modal')).toBe('false');
      expect(dialog.getAttribute('data-testid')).toBe('kap-panel');
    });

    it('has a polite log labelled as the transcript', () => {
      renderPanel();
      const log = screen.getByTestId('kap-log');
      expect(log.getAttribute('role')).toBe('log');
      expect(log.getAttribute('aria-live')).toBe('polite');
      expect(log.getAttribute('aria-label')).toBe(strings.transcriptLabel);
    });

    it('always shows the disclaimer', () => {
      renderPanel({ messages: [greeting, question, answer] });
      expect(screen.getByText(strings.disclaimer)).toBeTruthy();
    });

    it('shows the subtitle', () => {
      renderPanel();
      expect(screen.getByText(strings.subtitle)).toBeTruthy();
    });
  });

  describe('its header buttons', () => {
    it('call onClose and onClear', () => {
      const onClose = vi.fn();
      const onClear = vi.fn();
      renderPanel({ onClose, onClear });
      fireEvent.click(screen.getByRole('button', { name: strings.close }));
      fireEvent.click(screen.getByRole('button', { name: strings.clear }));
      expect(onClose).toHaveBeenCalledOnce();
      expect(onClear).toHaveBeenCalledOnce();
    });
  });

  describe('the "Need help now?" control', () => {
    const control = () => screen.getByRole('button', { name: strings.helpButton });
    const card = () => screen.queryByTestId('kap-help-card');
    const cardLinks = () => [...card()!.querySelectorAll('a')].map((a) => a.getAttribute('href'));

    it('is in the header as soon as the panel shows, a button named by its label, collapsed', () => {
      renderPanel();
      expect(control().closest('header')).not.toBeNull();
      expect(control().tagName).toBe('BUTTON');
      expect(control().getAttribute('type')).toBe('button');
      expect(control().getAttribute('aria-expanded')).toBe('false');
      expect(card()).toBeNull();
    });

    it('shows the crisis card with tappable links of the country in one activation, without typing', () => {
      renderPanel();
      fireEvent.click(control());
      expect(control().getAttribute('aria-expanded')).toBe('true');
      expect(cardLinks()).toEqual(['tel:988', 'sms:988', 'tel:911', 'tel:988']);
      expect(card()!.textContent).toContain(strings.crisisCardTitle);
      expect(card()!.textContent).toContain(help.text);
      expect(document.getElementById(control().getAttribute('aria-controls')!)?.contains(card())).toBe(true);
    });

    it('announces the card once: one alert around it, outside the transcript', () => {
      renderPanel({ messages: [greeting, { role: 'assistant', reply: replies.crisis() }] });
      fireEvent.click(control());
      const alerts = screen.getAllByRole('alert');
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.contains(card())).toBe(true);
      expect(screen.getByTestId('kap-log').contains(card())).toBe(false);
    });

    it('puts the card next in the tab order, right after the control', () => {
      renderPanel();
      fireEvent.click(control());
      const focusable = [...screen.getByTestId('kap-panel').querySelectorAll<HTMLElement>('button, a[href], input')];
      const at = focusable.indexOf(control());
      expect(focusable[at + 1]).toBe(card()!.querySelector('a'));
    });

    it('hides the card on a second activation', () => {
      renderPanel();
      fireEvent.click(control());
      fireEvent.click(control());
      expect(card()).toBeNull();
      expect(control().getAttribute('aria-expanded')).toBe('false');
      expect(control().hasAttribute('aria-controls')).toBe(false);
    });

    it('shows 911 first after a medical emergency reply', () => {
      renderPanel({ help: replies.help('medical') });
      fireEvent.click(control());
      expect(cardLinks()).toEqual(['tel:911', 'tel:18002221222']);
    });

    it('keeps what it shows while open, so nothing is announced twice, and shows the latest when opened again', () => {
      const { rerender } = renderPanel();
      fireEvent.click(control());
      const props = { strings, messages: [greeting], typing: false, onClose: noop, onClear: noop, onAsk: noop, onChoose: noop, onBookingClick: noop };
      rerender(<Panel {...props} help={replies.help('medical')} />);
      expect(cardLinks()[0]).toBe('tel:988');
      fireEvent.click(control());
      fireEvent.click(control());
      expect(cardLinks()[0]).toBe('tel:911');
    });
  });

  describe('quick replies', () => {
    it('come from the latest reply only', () => {
      renderPanel({ messages: [greeting, question, answer] });
      const buttons = within(screen.getByTestId('kap-quick-replies')).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual(['Who might benefit?']);
    });

    it('are left out after a visitor line', () => {
      renderPanel({ messages: [greeting, question] });
      expect(screen.queryByTestId('kap-quick-replies')).toBeNull();
    });

    it('call onChoose with the chosen action', () => {
      const onChoose = vi.fn<(action: ReplyAction) => void>();
      renderPanel({ onChoose });
      fireEvent.click(screen.getByRole('button', { name: 'What is IFS?' }));
      expect(onChoose).toHaveBeenCalledWith(suggestions[1]);
    });
  });

  describe('while the assistant is typing', () => {
    it('shows the indicator in place of the last reply', () => {
      renderPanel({ messages: [greeting, question, answer], typing: true });
      expect(screen.getByTestId('kap-typing').textContent).toContain(strings.typing);
      expect(screen.getAllByTestId('kap-message')).toHaveLength(2);
      expect(screen.queryByText('IFS is…')).toBeNull();
      expect(screen.queryByTestId('kap-quick-replies')).toBeNull();
    });
  });

  describe('when it appears', () => {
    it('focuses the question field when asked to', () => {
      renderPanel({ focusOnMount: true });
      expect(document.activeElement).toBe(screen.getByTestId('kap-input'));
    });

    it('leaves focus alone otherwise', () => {
      renderPanel();
      expect(document.activeElement).toBe(document.body);
    });
  });

  describe('with a notice', () => {
    it('announces it as a status', () => {
      renderPanel({ notice: strings.clearConfirm });
      expect(screen.getByRole('status').textContent).toBe(strings.clearConfirm);
    });
  });
});
