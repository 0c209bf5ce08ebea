/**
 * Colour arithmetic for the theme (WCAG 2 relative luminance and contrast ratio), so the practice
 * can pick any accent and every text stays at AA contrast. Colours are `#rrggbb`.
 */

/** WCAG AA for normal text. */
export const AA = 4.5;
export const WHITE = '#ffffff';
export const NEAR_BLACK = '#111111';
/** The darkest light surface the accent is drawn on as text (assistant bubbles). */
export const SURFACE = '#f3f4f6';
/** The lightest dark surface the accent is drawn on as text in the dark theme (assistant bubbles). */
export const DARK_SURFACE = '#262a31';

const channels = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
};

export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The text colour for the accent as a background: white or near-black, whichever reads better.
 * For mid-tones where neither reaches 4.5:1, pure black always does.
 *
 * @example
 * textColorOn('#2f6f5e'); // → '#ffffff'
 * textColorOn('#ffd400'); // → '#111111'
 */
export function textColorOn(accent: string): string {
  const best = contrastRatio(accent, WHITE) >= contrastRatio(accent, NEAR_BLACK) ? WHITE : NEAR_BLACK;
  if (contrastRatio(accent, best) >= AA) return best;
  return contrastRatio(accent, WHITE) >= AA ? WHITE : '#000000';
}

/** Mixes the colour with black: `amount` 0 keeps it, 1 makes it black. */
export function darken(hex: string, amount: number): string {
  return '#' + channels(hex).map((c) => Math.round(c * (1 - amount)).toString(16).padStart(2, '0')).join('');
}

/** Mixes the colour with white: `amount` 0 keeps it, 1 makes it white. */
export function lighten(hex: string, amount: number): string {
  return '#' + channels(hex).map((c) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0')).join('');
}

/**
 * The accent as text and borders on light surfaces (links, quick replies, focus rings): the accent
 * itself when it reads at 4.5:1, otherwise the accent darkened just enough.
 *
 * @example
 * inkColor('#1b2a4a'); // → '#1b2a4a'
 * inkColor('#ffd400'); // → a dark ochre
 */
export function inkColor(accent: string): string {
  for (let step = 0; step <= 20; step++) {
    const ink = darken(accent, step / 20);
    if (contrastRatio(ink, SURFACE) >= AA) return ink;
  }
  return '#000000';
}

/**
 * The same for the dark theme, on dark surfaces: the accent itself when it reads at 4.5:1 on
 * {@link DARK_SURFACE}, otherwise the accent lightened just enough.
 *
 * @example
 * inkColorOnDark('#ffd400'); // → '#ffd400'
 * inkColorOnDark('#2f6f5e'); // → a light green
 */
export function inkColorOnDark(accent: string): string {
  for (let step = 0; step <= 20; step++) {
    const ink = lighten(accent, step / 20);
    if (contrastRatio(ink, DARK_SURFACE) >= AA) return ink;
  }
  return WHITE;
}
