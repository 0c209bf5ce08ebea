import { render, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { styles } from '../ui/styles';

let shared: CSSStyleSheet | null | undefined;

/** One constructable stylesheet for every preview (allowed under `style-src 'self'`), or null where unsupported. */
function widgetSheet(): CSSStyleSheet | null {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(styles);
    } catch {
      shared = null;
    }
  }
  return shared;
}

export interface WidgetLookProps {
  /** Widget components (Message, QuickReplies…), rendered with the widget's own stylesheet. */
  children: ComponentChildren;
}

/**
 * Shows widget components exactly as visitors see them: in a shadow root with the widget's own
 * stylesheet, so the playground's CSS and the widget's never mix and never drift apart.
 */
export function WidgetLook({ children }: WidgetLookProps) {
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    if (!root.current) {
      const shadow = element.attachShadow({ mode: 'open' });
      const sheet = widgetSheet();
      if (sheet) shadow.adoptedStyleSheets = [sheet];
      else {
        const style = document.createElement('style');
        style.textContent = styles;
        shadow.append(style);
      }
      root.current = document.createElement('div');
      root.current.className = 'k k-log';
      shadow.append(root.current);
    }
    // A separate Preact tree: the shadow root is not part of the playground's own tree.
    render(<>{children}</>, root.current);
  });
  useLayoutEffect(
    () => () => {
      if (root.current) render(null, root.current);
    },
    [],
  );

  return <div ref={host} class="pg-look" />;
}
