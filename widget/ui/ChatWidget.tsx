import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Reply, ReplyAction } from '../core';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import type { TranscriptMessage, WidgetStrings } from './types';

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
  /** Language of the widget's text (`data-lang`), when it differs from the page. */
  lang?: string | null;
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
 */
export function ChatWidget(props: ChatWidgetProps) {
  const launcher = useRef<HTMLButtonElement>(null);
  const mounted = useRef(false);
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
      onKeyDown={(e) => {
        if (e.key === 'Escape' && props.open) {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <Launcher label={props.strings.launcherLabel} open={props.open} onToggle={props.onToggle} buttonRef={launcher} />
      {props.open && <Panel {...props} focusOnMount={mounted.current && props.focus !== false} />}
    </div>
  );
}
