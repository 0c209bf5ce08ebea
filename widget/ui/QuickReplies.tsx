import type { ReplyAction } from '../core';

export interface QuickRepliesProps {
  /** Topic actions of the latest reply: suggested topics, follow-ups, fit choices, clarification options. */
  actions: ReplyAction[];
  /** Called with the whole action; the conversation decides what it means. */
  onChoose(action: ReplyAction): void;
}

/** Buttons under the latest reply. */
export function QuickReplies({ actions, onChoose }: QuickRepliesProps) {
  return (
    <div class="k-quick" data-testid="kap-quick-replies">
      {actions.map((action) => (
        <button type="button" key={action.label + (action.value ?? action.entryId ?? '')} onClick={() => onChoose(action)}>
          {action.label}
        </button>
      ))}
    </div>
  );
}
