export interface NewTabHintProps {
  /** `ui.newTab`, read by screen readers after the link's text, e.g. "opens in a new tab". */
  label?: string;
}

/** After a link that opens another site in a new tab: an arrow out of a box, and the words for screen readers. */
export function NewTabHint({ label }: NewTabHintProps) {
  return (
    <span class="k-ext" data-testid="kap-new-tab">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M14 4h6v6M20 4l-9 9M18 14v6H4V6h6" />
      </svg>
      {label && <span class="k-sr"> ({label})</span>}
    </span>
  );
}
