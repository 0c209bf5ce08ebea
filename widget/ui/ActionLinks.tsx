import type { ReplyAction } from '../core';
import { linkAttributes } from './linkAttributes';
import { NewTabHint } from './NewTabHint';

export interface ActionLinksProps {
  /** `book`, `call` and `link` actions; those with a disallowed href are left out. */
  actions: ReplyAction[];
  /** Class of each link, e.g. `k-btn` for big buttons. */
  class: string;
  /** `ui.newTab`: said after a link that opens another site in a new tab. */
  newTab?: string;
  /** Called with the href when a `book` action is followed. */
  onBookingClick?(href: string): void;
}

/** The links of a reply: booking, phone numbers, contact. A link to another site shows that it opens a new tab. */
export function ActionLinks({ actions, class: className, newTab, onBookingClick }: ActionLinksProps) {
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
              {attributes.target && <NewTabHint label={newTab} />}
            </a>
          )
        );
      })}
    </>
  );
}
