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

    it('shows the help card inside the scrolling message area, not above it', () => {
      renderPanel();
      fireEvent.click(screen.getByRole('button', { name: strings.helpButton }));
      expect(screen.getByTestId('kap-scroll').contains(screen.getByTestId('kap-help-card'))).toBe(true);
    });
  });

  describe('its header', () => {
    it('shows the subtitle with the practice name, and the avatar as decoration', () => {
      renderPanel({ strings: { ...strings, subtitle: 'Automated answers from Example Therapy Practice', avatar: 'ET' } });
      expect(screen.getByText('Automated answers from Example Therapy Practice')).toBeTruthy();
      const avatar = screen.getByTestId('kap-avatar');
      expect(avatar.textContent).toBe('ET');
      expect(avatar.getAttribute('aria-hidden')).toBe('true');
    });

    it('shows an image avatar, without words of its own', () => {
      renderPanel({ strings: { ...strings, avatar: '/images/practice.png' } });
      const image = screen.getByTestId('kap-avatar').querySelector('img')!;
      expect(image.getAttribute('src')).toBe('/images/practice.png');
      expect(image.getAttribute('alt')).toBe('');
    });

    it('shows no avatar when the knowledge has none', () => {
      renderPanel({ strings: { ...strings, avatar: undefined } });
      expect(screen.queryByTestId('kap-avatar')).toBeNull();
    });
  });

  describe('its close button', () => {
    it('calls onClose', () => {
      const onClose = vi.fn();
      renderPanel({ onClose });
      fireEvent.click(screen.getByRole('button', { name: strings.close }));
      expect(onClose).toHaveBeenCalledOnce();
    });
  });

  describe('its clear button', () => {
    it('asks first, with the focus on keeping the conversation', () => {
      const onClear = vi.fn();
      renderPanel({ onClear });
      fireEvent.click(screen.getByRole('button', { name: strings.clear }));
      expect(onClear).not.toHaveBeenCalled();
      const question = screen.getByRole('group', { name: strings.clearAsk });
      expect(document.activeElement).toBe(within(question).getByRole('button', { name: strings.clearNo }));
    });

    it('calls onClear once confirmed, and moves focus to the question field', () => {
      const onClear = vi.fn();
      renderPanel({ onClear });
      fireEvent.click(screen.getByRole('button', { name: strings.clear }));
      fireEvent.click(screen.getByRole('button', { name: strings.clearYes }));
      expect(onClear).toHaveBeenCalledOnce();
      expect(screen.queryByRole('group', { name: strings.clearAsk })).toBeNull();
      expect(document.activeElement).toBe(screen.getByTestId('kap-input'));
    });

    it('keeps everything when the visitor says no, and gives focus back to the clear button', () => {
      const onClear = vi.fn();
      renderPanel({ onClear });
      fireEvent.click(screen.getByRole('button', { name: strings.clear }));
      fireEvent.click(screen.getByRole('button', { name: strings.clearNo }));
      expect(onClear).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: strings.clear }));
    });
  });

  describe('in the full-screen layout', () => {
    it('is modal, and Tab cycles from the last control to the first and back', () => {
      renderPanel({ fullScreen: true });
      const dialog = screen.getByRole('dialog');
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href], textarea, summary')];
      const [first, last] = [focusable[0]!, focusable[focusable.length - 1]!];
      last.focus();
      fireEvent.keyDown(last, { key: 'Tab' });
      expect(document.activeElement).toBe(first);
      fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
      expect(document.activeElement).toBe(last);
    });

    it('leaves Tab alone in the floating layout', () => {
      renderPanel({ fullScreen: false });
      const dialog = screen.getByRole('dialog');
      expect(dialog.getAttribute('aria-modal')).toBe('false');
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href], textarea, summary')];
      const last = focusable[focusable.length - 1]!;
      last.focus();
      fireEvent.keyDown(last, { key: 'Tab' });
      expect(document.activeElement).toBe(last);
    });
  });

  describe('its disclaimer', () => {
    it('folds to one line that opens to the whole text', () => {
      renderPanel();
      const disclaimer = screen.getByTestId('kap-disclaimer');
      expect(disclaimer.tagName).toBe('DETAILS');
      expect(disclaimer.hasAttribute('open')).toBe(false);
      expect(disclaimer.querySelector('summary')!.textContent).toBe(strings.disclaimer);
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
      const focusable = [...screen.getByTestId('kap-panel').querySelectorAll<HTMLElement>('button, a[href], textarea')];
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

    it('closes when a crisis reply arrives, so one card shows the resources', () => {
      const { rerender } = renderPanel();
      fireEvent.click(control());
      const props = { strings, typing: false, help, onClose: noop, onClear: noop, onAsk: noop, onChoose: noop, onBookingClick: noop };
      rerender(<Panel {...props} messages={[greeting, { role: 'visitor', text: 'help' }, { role: 'assistant', reply: replies.crisis() }]} />);
      expect(card()).toBeNull();
      expect(screen.getAllByTestId('kap-crisis')).toHaveLength(1);
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

    it('give focus to the question field once chosen', () => {
      renderPanel();
      fireEvent.click(screen.getByRole('button', { name: 'What is IFS?' }));
      expect(document.activeElement).toBe(screen.getByTestId('kap-input'));
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
