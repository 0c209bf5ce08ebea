import type { ReplyAction } from '../core';
import { ActionLinks } from './ActionLinks';

export interface BookingCardProps {
  /** `ui.bookingCardTitle`. */
  title: string;
  /** The `book` action: its label and the booking URL. */
  book: ReplyAction;
  /** Other links of the reply, e.g. contacting the practice. */
  links: ReplyAction[];
  /** `ui.newTab`: said after a link that opens another site in a new tab. */
  newTab?: string;
  onBookingClick(href: string): void;
}

/** The next step after an eligibility, booking or fit reflection reply: a big link to book. */
export function BookingCard({ title, book, links, newTab, onBookingClick }: BookingCardProps) {
  return (
    <div class="k-card" data-testid="kap-booking">
      <p class="k-card-t">{title}</p>
      <ActionLinks actions={[book]} class="k-btn" newTab={newTab} onBookingClick={onBookingClick} />
      <ActionLinks actions={links} class="k-more" newTab={newTab} />
    </div>
  );
}
