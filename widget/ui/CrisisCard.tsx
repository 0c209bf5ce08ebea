import type { ReplyAction } from '../core';
import { ActionLinks } from './ActionLinks';
import { RichText } from './RichText';

export interface CrisisCardProps {
  /** `ui.crisisCardTitle`. */
  title: string;
  /** The resources in the order the reply's kind of crisis needs them: `tel:`, `sms:` and `https:` links. */
  actions: ReplyAction[];
  /** Words under the links, e.g. the lead sentence on the card of the "Need help now?" control. */
  text?: string;
  /** `ui.newTab`: said after a resource on another site, which opens in a new tab. */
  newTab?: string;
  /**
   * Default true: a card with its own red frame (the "Need help now?" control's). A crisis reply is
   * itself the card's frame, so its resources are drawn without one: one frame, not two.
   */
  framed?: boolean;
  /** Default `kap-crisis`, the card of a crisis reply. */
  testId?: string;
}

/**
 * Help now: tap-to-call and tap-to-text links, most needed first, each link once. It announces
 * nothing itself: in a reply, the transcript's live region reads it out with the reply, once; the
 * help control's card is wrapped in an alert by the panel.
 */
export function CrisisCard({ title, actions, text, newTab, framed = true, testId = 'kap-crisis' }: CrisisCardProps) {
  return (
    <div class={framed ? 'k-card k-crisis' : 'k-res'} data-testid={testId}>
      <p class="k-card-t">{title}</p>
      <ActionLinks actions={actions} class="k-btn" newTab={newTab} />
      {text && <RichText text={text} newTab={newTab} />}
    </div>
  );
}
