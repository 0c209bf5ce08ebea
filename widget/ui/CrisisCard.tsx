import type { ReplyAction } from '../core';
import { ActionLinks } from './ActionLinks';

export interface CrisisCardProps {
  /** `ui.crisisCardTitle`. */
  title: string;
  /** The reply's `call` actions (`tel:988`, `sms:988`, `tel:911`) and any resource links. */
  actions: ReplyAction[];
}

/** Help now: tap-to-call and tap-to-text links, announced as an alert, shown before the reply's words. */
export function CrisisCard({ title, actions }: CrisisCardProps) {
  return (
    <div class="k-card k-crisis" role="alert" data-testid="kap-crisis">
      <p class="k-card-t">{title}</p>
      <ActionLinks actions={actions} class="k-btn" />
    </div>
  );
}
