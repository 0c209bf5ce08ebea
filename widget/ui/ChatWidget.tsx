import { useLayoutEffect, useRef } from 'preact/hooks';
import { textDirection, type Reply, type ReplyAction } from '../core';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import { FULL_SCREEN_QUERY } from './styles';
import type { TranscriptMessage, WidgetStrings } from './types';
import { useMediaQuery } from './useMediaQuery';

/** `light`, `dark`, or `auto`: the visitor's system setting (`prefers-color-scheme`). */
export type Theme = 'light' | 'dark' | 'auto';

export interface ChatWidgetProps {
  strings: WidgetStrings;
  open: boolean;
  messages: TranscriptMessage[];
  typing: boolean;
  notice?: string;
  /** Whether opening the panel moves focus into it; false for a panel that opened by itself. */
  focus?: boolean;
  /** What the "Need help now?" control shows: the core's `ReplyBuilder.help` for the last crisis kind. */
  help: Reply;
  /** Language of the widget's text (`data-lang`, else the knowledge's); its direction follows from it. */
  lang?: string | null;
  /** Default `auto`. */
  theme?: Theme;
  /** The half-typed question, kept when the panel closes and between pages. */
  draft?: string;
  onDraft?(text: string): void;
  onToggle(): void;
  onClose(): void;
  onClear(): void;
  onAsk(text: string): void;
  onChoose(action: ReplyAction): void;
  onBookingClick(href: string): void;
}

/**
 * The whole widget: launcher and panel. Props in, callbacks out; the embed owns the state.
 * Focus follows the visitor: into the question field on open, back to the launcher on close, but
 * never moved on the first render (a panel restored open on page load must not steal focus).
 * Escape closes the panel from anywhere inside the widget. The widget sets its own `lang` and
 * `dir`, so a right-to-left page does not flip its English text.
 */
export function ChatWidget(props: ChatWidgetProps) {
  const launcher = useRef<HTMLButtonElement>(null);
  const mounted = useRef(false);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const fullScreen = useMediaQuery(FULL_SCREEN_QUERY);
  const theme = props.theme ?? 'auto';
  const dark = theme === 'dark' || (theme === 'auto' && prefersDark);
  useLayoutEffect(() => {
    const button = launcher.current;
    if (mounted.current && !props.open && button) {
      // Take focus back from the panel that just closed, never from the page.
      const active = document.activeElement;
      const root = button.getRootNode();
      if (!active || active === document.body || ('host' in root && active === root.host)) button.focus();
    }
    mounted.current = true;
  }, [props.open]);

  return (
    <div
      class="k"
      lang={props.lang ?? undefined}
      dir={props.lang ? textDirection(props.lang) : 'ltr'}
      data-theme={dark ? 'dark' : 'light'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && props.open) {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <Launcher label={props.strings.launcherLabel} open={props.open} onToggle={props.onToggle} buttonRef={launcher} />
      {props.open && <Panel {...props} fullScreen={fullScreen} focusOnMount={mounted.current && props.focus !== false} />}
    </div>
  );
}
