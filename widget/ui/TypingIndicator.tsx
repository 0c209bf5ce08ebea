export interface TypingIndicatorProps {
  /** `ui.typing`, for screen readers; the dots are decoration. */
  label: string;
}

/** Three dots shown briefly before a reply appears. */
export function TypingIndicator({ label }: TypingIndicatorProps) {
  return (
    <div class="k-msg k-typing" data-testid="kap-typing">
      <span class="k-sr">{label}</span>
      <i />
      <i />
      <i />
    </div>
  );
}
