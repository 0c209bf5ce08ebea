import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BookingCard } from '../../widget/ui/BookingCard';
import { blockNavigation, book, contact, noop } from './fixtures';

let unblock: () => void;
beforeEach(() => {
  unblock = blockNavigation();
});
afterEach(() => {
  cleanup();
  unblock();
});

describe('BookingCard', () => {
  describe('with a booking link', () => {
    it('shows the title and links to the booking URL in a new tab', () => {
      render(<BookingCard title="Talk with the practice" book={book} links={[contact]} onBookingClick={noop} />);
      expect(screen.getByTestId('kap-booking').textContent).toContain('Talk with the practice');
      const link = screen.getByRole('link', { name: 'Book a free consultation' });
      expect(link.getAttribute('href')).toBe('https://example.com/book');
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    });

    it('reports the href when the booking link is clicked', () => {
      const onBookingClick = vi.fn();
      render(<BookingCard title="Book" book={book} links={[contact]} onBookingClick={onBookingClick} />);
      fireEvent.click(screen.getByRole('link', { name: 'Book a free consultation' }));
      expect(onBookingClick).toHaveBeenCalledWith('https://example.com/book');
    });

    it('does not report clicks on the other links', () => {
      const onBookingClick = vi.fn();
      render(<BookingCard title="Book" book={book} links={[contact]} onBookingClick={onBookingClick} />);
      fireEvent.click(screen.getByRole('link', { name: 'Contact the practice' }));
      expect(onBookingClick).not.toHaveBeenCalled();
    });
  });

  describe('with a disallowed booking href', () => {
    it('renders no link', () => {
      render(<BookingCard title="Book" book={{ ...book, href: 'javascript:alert(1)' }} links={[]} onBookingClick={noop} />);
      expect(screen.queryByRole('link')).toBeNull();
    });
  });
});
