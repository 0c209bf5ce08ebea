import type { ReplyAction } from '../core';
import { linkAttributes } from './linkAttributes';

export interface ActionLinksProps {
  /** `book`, `call` and `link` actions; those with a disallowed href are left out. */
  actions: ReplyAction[];
  /** Class of each link, e.g. `k-btn` for big buttons. */
  class: string;
  /** Called with the href when a `book` action is followed. */
  onBookingClick?(href: string): void;
}

/** The links of a reply: booking, phone numbers, contact. */
export function ActionLinks({ actions, class: className, onBookingClick }: ActionLinksProps) {
  return (
    <>
      {actions.map((action) => {
        const attributes = linkAttributes(action.href);
        return (
          attributes && (
            <a
              key={action.label + action.href}
              class={className}
              lang={action.lang}
              {...attributes}
              onClick={action.type === 'book' ? () => onBookingClick?.(attributes.href) : undefined}
            >
              {action.label}
            </a>
          )
        );
      })}
    </>
  );
}
