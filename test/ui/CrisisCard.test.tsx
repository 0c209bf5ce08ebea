import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CrisisCard } from '../../widget/ui/CrisisCard';
import { crisisCalls } from './fixtures';

afterEach(cleanup);

describe('CrisisCard', () => {
  describe('with the US crisis lines', () => {
    it('is an alert titled with the crisis card title', () => {
      render(<CrisisCard title="Get help now" actions={crisisCalls} />);
      const card = screen.getByRole('alert');
      expect(card.getAttribute('data-testid')).toBe('kap-crisis');
      expect(card.textContent).toContain('Get help now');
    });

    it('offers tap-to-call and tap-to-text links', () => {
      render(<CrisisCard title="Get help now" actions={crisisCalls} />);
      expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['tel:988', 'sms:988', 'tel:911']);
      expect(screen.getByRole('link', { name: 'Call 988 (Suicide & Crisis Lifeline)' }).hasAttribute('target')).toBe(false);
    });
  });
});
