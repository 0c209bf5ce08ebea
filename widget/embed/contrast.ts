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
  const white = contrastRatio(accent, WHITE);
  const best = white >= contrastRatio(accent, NEAR_BLACK) ? WHITE : NEAR_BLACK;
  return contrastRatio(accent, best) >= AA ? best : white >= AA ? WHITE : '#000000';
}

/** Mixes the colour with `to` (0 black, 255 white): `amount` 0 keeps it, 1 makes it `to`. */
const mix = (hex: string, to: number, amount: number) =>
  '#' + channels(hex).map((c) => Math.round(c + (to - c) * amount).toString(16).padStart(2, '0')).join('');

/** Mixes the colour with black: `amount` 0 keeps it, 1 makes it black. */
export const darken = (hex: string, amount: number): string => mix(hex, 0, amount);

/** Mixes the colour with white: `amount` 0 keeps it, 1 makes it white. */
export const lighten = (hex: string, amount: number): string => mix(hex, 255, amount);

/** The accent mixed toward `to` in twentieths, just enough to read at 4.5:1 on `surface`. */
function readableOn(accent: string, to: number, surface: string): string {
  for (let step = 0; step <= 20; step++) {
    const ink = mix(accent, to, step / 20);
    if (contrastRatio(ink, surface) >= AA) return ink;
  }
  return to ? WHITE : '#000000';
}

/**
 * The accent as text and borders on light surfaces (links, quick replies, focus rings): the accent
 * itself when it reads at 4.5:1, otherwise the accent darkened just enough.
 *
 * @example
 * inkColor('#1b2a4a'); // → '#1b2a4a'
 * inkColor('#ffd400'); // → a dark ochre
 */
export const inkColor = (accent: string): string => readableOn(accent, 0, SURFACE);

/**
 * The same for the dark theme, on dark surfaces: the accent itself when it reads at 4.5:1 on
 * {@link DARK_SURFACE}, otherwise the accent lightened just enough.
 *
 * @example
 * inkColorOnDark('#ffd400'); // → '#ffd400'
 * inkColorOnDark('#2f6f5e'); // → a light green
 */
export const inkColorOnDark = (accent: string): string => readableOn(accent, 255, DARK_SURFACE);
