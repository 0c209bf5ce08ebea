import type { Ref } from 'preact';

export interface LauncherProps {
  /** `ui.launcherLabel`: the button's accessible name (and tooltip). */
  label: string;
  open: boolean;
  onToggle(): void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The round button in the corner that opens and closes the panel. */
export function Launcher({ label, open, onToggle, buttonRef }: LauncherProps) {
  return (
    <button
      type="button"
      class="k-launch"
      ref={buttonRef}
      aria-label={label}
      title={label}
      aria-expanded={open}
      aria-controls={open ? 'k-panel' : undefined}
      data-testid="kap-launcher"
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" />
        ) : (
          <path d="M4 5h16v11H9l-5 4z" />
        )}
      </svg>
    </button>
  );
}
