import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyAction } from '../../widget/core';
import { QuickReplies } from '../../widget/ui/QuickReplies';
import { topic } from './fixtures';

afterEach(cleanup);

describe('QuickReplies', () => {
  describe('with topics and fit choices', () => {
    const fitChoice: ReplyAction = { type: 'topic', label: 'Yes', value: 'fit:yes' };

    it('shows one button per action', () => {
      render(<QuickReplies actions={[topic('What is KAP?'), fitChoice]} onChoose={() => {}} />);
      expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['What is KAP?', 'Yes']);
    });

    it('calls back with the whole action', () => {
      const onChoose = vi.fn();
      render(<QuickReplies actions={[topic('What is KAP?'), fitChoice]} onChoose={onChoose} />);
      fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
      expect(onChoose).toHaveBeenCalledWith(fitChoice);
    });
  });
});
