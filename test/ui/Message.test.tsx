import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Message } from '../../widget/ui/Message';
import { blockNavigation, book, contact, crisisCalls, noop, replies, reply, strings, topic } from './fixtures';

let unblock: () => void;
beforeEach(() => {
  unblock = blockNavigation();
});
afterEach(() => {
  cleanup();
  unblock();
});

describe('Message', () => {
  describe('from the visitor', () => {
    it('shows markup as text and creates no element', () => {
      const text = '<img src=x onerror=alert(1)>';
      const { container } = render(<Message message={{ role: 'visitor', text }} strings={strings} onBookingClick={noop} />);
      const line = container.querySelector('[data-testid="kap-message"]')!;
      expect(line.getAttribute('data-role')).toBe('visitor');
      expect(line.textContent).toContain(text);
      expect(container.querySelector('img')).toBeNull();
    });

    it('leaves bold markers as they were typed', () => {
      const { container } = render(<Message message={{ role: 'visitor', text: '**hi** [x](https://e.com)' }} strings={strings} onBookingClick={noop} />);
      expect(container.querySelector('strong, a')).toBeNull();
      expect(container.textContent).toContain('**hi** [x](https://e.com)');
    });
  });

  describe('from the assistant', () => {
    it('renders the reply as rich text and names its route', () => {
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ text: 'It is **therapy**.\n\n- one' }) }} strings={strings} onBookingClick={noop} />,
      );
      const line = container.querySelector('[data-testid="kap-message"]')!;
      expect(line.getAttribute('data-role')).toBe('assistant');
      expect(line.getAttribute('data-route')).toBe('answer');
      expect(line.querySelector('strong')?.textContent).toBe('therapy');
      expect(line.querySelector('li')?.textContent).toBe('one');
    });

    it('leaves quick replies to the panel', () => {
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ actions: [topic('What is KAP?')] }) }} strings={strings} onBookingClick={noop} />,
      );
      expect(container.querySelector('button')).toBeNull();
    });
  });

  describe('for a crisis reply', () => {
    it('shows the crisis card before the words', () => {
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ route: 'crisis', text: 'Please reach out.', actions: crisisCalls }) }} strings={strings} onBookingClick={noop} />,
      );
      const card = container.querySelector('[data-testid="kap-crisis"]')!;
      const words = container.querySelector('p:not(.k-card-t)')!;
      expect(card.compareDocumentPosition(words) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(container.querySelector('[data-testid="kap-booking"]')).toBeNull();
    });

    it('is one card, left to the transcript to announce (no alert of its own)', () => {
      const { container } = render(<Message message={{ role: 'assistant', reply: replies.crisis() }} strings={strings} onBookingClick={noop} />);
      expect(container.querySelectorAll('[data-testid="kap-crisis"]')).toHaveLength(1);
      expect(container.querySelector('[role="alert"], [aria-live]')).toBeNull();
      // Every resource is a button in the card, none repeated as a link under the words.
      expect(container.querySelectorAll('a')).toHaveLength(replies.crisis().actions.length);
    });

    it('has one frame: the reply is the card, its resources are not framed again', () => {
      const { container } = render(<Message message={{ role: 'assistant', reply: replies.crisis() }} strings={strings} onBookingClick={noop} />);
      const line = container.querySelector('[data-testid="kap-message"]')!;
      expect(line.classList.contains('k-crisis')).toBe(true);
      expect(container.querySelectorAll('.k-crisis, .k-card')).toHaveLength(1);
      // The resources are the card's buttons, not a list under the words as well.
      expect(container.querySelector('ul')).toBeNull();
    });

    it('names its kind', () => {
      const { container } = render(<Message message={{ role: 'assistant', reply: replies.crisis(undefined, 'violence') }} strings={strings} onBookingClick={noop} />);
      expect(container.querySelector('[data-testid="kap-message"]')!.getAttribute('data-kind')).toBe('violence');
    });
  });

  describe('for a medical emergency reply', () => {
    it('shows 911 before anything else, as a link and in the words', () => {
      const { container } = render(<Message message={{ role: 'assistant', reply: replies.crisis(undefined, 'medical') }} strings={strings} onBookingClick={noop} />);
      const links = [...container.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).toEqual(['tel:911', 'tel:18002221222']);
      expect(links[0]!.textContent).toBe('Call 911');
      const visible = [...container.querySelector('[data-testid="kap-message"]')!.children].filter((el) => !el.classList.contains('k-sr'));
      const numbers = visible.map((el) => el.textContent).join(' ').match(/\d[\d-]*\d/g);
      expect(numbers?.[0]).toBe('911');
    });
  });

  describe('for a support reply', () => {
    it('shows its words and the booking card', () => {
      const { container } = render(<Message message={{ role: 'assistant', reply: replies.support() }} strings={strings} onBookingClick={noop} />);
      expect(container.querySelector('[data-testid="kap-booking"]')).not.toBeNull();
      expect(container.querySelector('[data-testid="kap-crisis"]')).toBeNull();
      expect(container.textContent).toContain('988');
    });
  });

  describe.each(['eligibility', 'booking', 'fit-check'] as const)('for a %s reply with a book action', (route) => {
    it('shows the booking card', () => {
      const onBookingClick = vi.fn();
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ route, actions: [book, contact] }) }} strings={strings} onBookingClick={onBookingClick} />,
      );
      const card = container.querySelector('[data-testid="kap-booking"]')!;
      expect(card.textContent).toContain(strings.bookingCardTitle);
      fireEvent.click(card.querySelector('a.k-btn')!);
      expect(onBookingClick).toHaveBeenCalledWith('https://example.com/book');
    });
  });

  describe('with a link to another site', () => {
    it('opens it in a new tab and shows it, in words for screen readers too', () => {
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ route: 'booking', actions: [book] }) }} strings={strings} onBookingClick={noop} />,
      );
      const link = container.querySelector<HTMLAnchorElement>('a.k-btn')!;
      expect(link.getAttribute('target')).toBe('_blank');
      const hint = link.querySelector('[data-testid="kap-new-tab"]')!;
      expect(hint.querySelector('svg')).not.toBeNull();
      expect(hint.textContent).toContain(strings.newTab);
    });
  });

  describe('with a link to a page of the same site', () => {
    it('opens it in the same tab, without the hint', () => {
      const sameSite = { ...book, href: '/booking.html' };
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ route: 'booking', text: 'See [the approach](/approach.html).', actions: [sameSite] }) }} strings={strings} onBookingClick={noop} />,
      );
      const link = container.querySelector<HTMLAnchorElement>('a.k-btn')!;
      expect(link.getAttribute('href')).toBe('/booking.html');
      expect(link.hasAttribute('target')).toBe(false);
      expect(container.querySelector('[data-testid="kap-new-tab"]')).toBeNull();
    });
  });

  describe('for a fallback reply with a book action', () => {
    it('shows plain links, not a card', () => {
      const { container } = render(
        <Message message={{ role: 'assistant', reply: reply({ route: 'fallback', actions: [topic('What is KAP?'), book, contact] }) }} strings={strings} onBookingClick={noop} />,
      );
      expect(container.querySelector('[data-testid="kap-booking"]')).toBeNull();
      expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com/book', 'mailto:hello@example.com']);
    });
  });
});
