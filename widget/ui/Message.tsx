import type { Route } from '../core';
import { ActionLinks } from './ActionLinks';
import { BookingCard } from './BookingCard';
import { CrisisCard } from './CrisisCard';
import { RichText } from './RichText';
import type { TranscriptMessage, WidgetStrings } from './types';

export interface MessageProps {
  message: TranscriptMessage;
  strings: Pick<WidgetStrings, 'you' | 'assistant' | 'bookingCardTitle' | 'crisisCardTitle'> & Partial<Pick<WidgetStrings, 'newTab'>>;
  onBookingClick(href: string): void;
}

/** Replies whose booking link is the point of the reply, shown as a card. */
const BOOKING_ROUTES: readonly Route[] = ['eligibility', 'booking', 'fit-check', 'support'];

/**
 * One line of the transcript. The visitor's words are a text node, never markup. An assistant reply
 * shows its crisis resources first (in the order its kind of crisis needs them), then its words,
 * then its booking card or links. A crisis reply is one card: one red frame around the resources
 * and the words, no alert of its own (the transcript's live region reads it once).
 */
export function Message({ message, strings, onBookingClick }: MessageProps) {
  if (message.role === 'visitor') {
    return (
      <div class="k-msg k-v" data-testid="kap-message" data-role="visitor">
        <span class="k-sr">{strings.you}: </span>
        {message.text}
      </div>
    );
  }
  const { route, kind, text, actions } = message.reply;
  const crisis = route === 'crisis';
  const book = actions.find((a) => a.type === 'book');
  const links = actions.filter((a) => a.type === 'link' || (a.type === 'call' && !crisis));
  const card = book && BOOKING_ROUTES.includes(route);
  return (
    <div
      class={crisis ? 'k-msg k-a k-crisis' : 'k-msg k-a'}
      data-testid="kap-message"
      data-role="assistant"
      data-route={route}
      data-kind={crisis ? kind : undefined}
    >
      <span class="k-sr">{strings.assistant}: </span>
      {crisis && (
        <CrisisCard title={strings.crisisCardTitle} actions={actions.filter((a) => a.type !== 'topic')} newTab={strings.newTab} framed={false} />
      )}
      <RichText text={text} newTab={strings.newTab} />
      {card ? (
        <BookingCard title={strings.bookingCardTitle} book={book} links={links} newTab={strings.newTab} onBookingClick={onBookingClick} />
      ) : (
        !crisis && (book || links.length > 0) && (
          <p class="k-links">
            <ActionLinks actions={book ? [book, ...links] : links} class="k-more" newTab={strings.newTab} onBookingClick={onBookingClick} />
          </p>
        )
      )}
    </div>
  );
}
