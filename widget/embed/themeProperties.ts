import { inkColor, inkColorOnDark, textColorOn } from './contrast';
import type { WidgetConfig } from './readConfig';

/**
 * The custom properties set on the host element (`--kap-*`, read by `widget/ui/styles.ts`).
 * Set through `host.style.setProperty`, which a strict `style-src` policy allows.
 */
export function themeProperties(config: WidgetConfig): Record<string, string> {
  return { ...launcherProperties(config), ...inkProperties(config) };
}

/** What the launcher reads: the accent, the text on it, its layer and corner, the font. */
export function launcherProperties(config: WidgetConfig): Record<string, string> {
  const corner = (side: 'left' | 'right') => (config.position === side ? `max(1.25em,env(safe-area-inset-${side}))` : 'auto');
  const properties: Record<string, string> = {
    '--kap-accent': config.accent,
    '--kap-on-accent': textColorOn(config.accent),
    '--kap-z': String(config.zIndex),
    '--kap-left': corner('left'),
    '--kap-right': corner('right'),
  };
  if (config.font) properties['--kap-font'] = config.font;
  return properties;
}

/**
 * The accent as text and borders inside the panel, light and dark: only the panel reads them, and
 * finding them takes a few milliseconds of colour arithmetic, so the loader sets them after the
 * launcher is up.
 */
export function inkProperties(config: WidgetConfig): Record<string, string> {
  return { '--kap-ink': inkColor(config.accent), '--kap-ink-dark': inkColorOnDark(config.accent) };
}
