import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CrisisCard } from '../../widget/ui/CrisisCard';
import { crisisCalls, replies } from './fixtures';

afterEach(cleanup);

describe('CrisisCard', () => {
  describe('with the US crisis lines', () => {
    it('is titled with the crisis card title and announces nothing itself', () => {
      render(<CrisisCard title="Get help now" actions={crisisCalls} />);
      const card = screen.getByTestId('kap-crisis');
      expect(card.textContent).toContain('Get help now');
      expect(card.hasAttribute('role')).toBe(false);
      expect(card.querySelector('[role], [aria-live]')).toBeNull();
    });

    it('offers tap-to-call and tap-to-text links, in order', () => {
      render(<CrisisCard title="Get help now" actions={crisisCalls} />);
      expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['tel:988', 'sms:988', 'tel:911']);
      expect(screen.getByRole('link', { name: 'Call 988 (Suicide & Crisis Lifeline)' }).hasAttribute('target')).toBe(false);
    });

    it('marks the Spanish line as Spanish', () => {
      render(<CrisisCard title="Get help now" actions={replies.crisis().actions} />);
      const spanish = screen.getByRole('link', { name: /marque 2/ });
      expect(spanish.getAttribute('lang')).toBe('es');
      expect(spanish.getAttribute('href')).toBe('tel:988');
      expect(screen.getByRole('link', { name: 'Text 988' }).hasAttribute('lang')).toBe(false);
    });
  });

  describe('with words', () => {
    it('shows them under the links', () => {
      const help = replies.help('medical');
      render(<CrisisCard title="Get help now" actions={help.actions} text={help.text} testId="kap-help-card" />);
      const card = screen.getByTestId('kap-help-card');
      const lastLink = screen.getAllByRole('link').at(-1)!;
      const words = card.querySelector('p:not(.k-card-t)')!;
      expect(words.textContent).toBe(help.text);
      expect(lastLink.compareDocumentPosition(words) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });
  });
});
