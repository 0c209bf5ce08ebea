import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyAction } from '../../widget/core';
import { Panel, type PanelProps } from '../../widget/ui/Panel';
import type { TranscriptMessage } from '../../widget/ui/types';
import { noop, reply, strings, topic } from './fixtures';

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
