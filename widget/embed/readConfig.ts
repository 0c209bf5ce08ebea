import { configMessages, warn } from './errorMessages';

/**
 * What the practice sets on the script tag. Everything is optional; an invalid value is reported
 * once in the console and the default is used.
 *
 * @example
 * <script src="https://example.com/kap-chat.js" defer
 *   data-booking-url="https://example.com/book" data-accent="#2f6f5e" data-position="right"></script>
 */
export interface WidgetConfig {
  /** `data-booking-url`: where booking links go; relative URLs resolve against the page. Default: the knowledge's. */
  bookingUrl: string | null;
  /** `data-booking-label`: the booking button's text, e.g. "Book a free consultation". Default: the knowledge's. */
  bookingLabel: string | null;
  /** `data-accent`: hex colour of the launcher, header and buttons, e.g. `#2f6f5e`. Text colours are derived from it. */
  accent: string;
  /** `data-position`: `right` or `left` corner. */
  position: 'right' | 'left';
  /** `data-z-index`: stacking order of the launcher and panel, e.g. `1000`. */
  zIndex: number;
  /** `data-title`: the panel's title. Default: the knowledge's `ui.title`. */
  title: string | null;
  /** `data-open`: `"true"` opens the panel on load (unless the visitor closed it on an earlier page). */
  open: boolean;
  /**
   * `data-knowledge-url`: knowledge JSON to use instead of the built-in one. Stored here; loading it
   * is the knowledge loader's job, which hands the result to `App.applyKnowledge`.
   */
  knowledgeUrl: string | null;
  /** `data-launcher-label`: the launcher's accessible name. Default: the knowledge's `ui.launcherLabel`. */
  launcherLabel: string | null;
  /** `data-font`: a CSS font-family list, e.g. `"Inter", sans-serif`. Default: the system font. */
  font: string | null;
  /**
   * `data-lang`: language tag of the widget's text, e.g. `en` or `ar`; the widget's direction follows
   * from it. Default: the knowledge's `practice.lang`.
   */
  lang: string | null;
  /**
   * `data-country`: whose crisis resources to show, a country code of the knowledge (`US`, `CA`,
   * `GB`, `AU`, `EU`, or one the practice added), any case. Default: the knowledge's
   * `crisis.defaultCountry`. The form is checked here; whether the knowledge has it, by the app.
   */
  country: string | null;
  /**
   * `data-theme`: `light`, `dark`, or `auto` to follow the visitor's system setting
   * (`prefers-color-scheme`). Default: `auto`.
   */
  theme: 'light' | 'dark' | 'auto';
}

export const DEFAULT_CONFIG: Readonly<WidgetConfig> = Object.freeze({
  bookingUrl: null,
  bookingLabel: null,
  accent: '#2f6f5e',
  position: 'right',
  // The top layer: sites put cookie banners and chat bubbles at the maximum; being last in the
  // document, the widget wins the tie. A page can lower it with data-z-index.
  zIndex: 2147483647,
  title: null,
  open: false,
  knowledgeUrl: null,
  launcherLabel: null,
  font: null,
  lang: null,
  country: null,
  theme: 'auto',
});

const HEX = /^#(?:[\da-f]{3}|[\da-f]{6})$/i;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])$/;
const FONT = /^[\w\s,"'-]{1,200}$/;
const LANG = /^[a-z]{2,3}(?:-[a-z\d]{2,8})*$/i;
const COUNTRY = /^[a-z]{2}$/i;
const MAX_TEXT = 80;

/** `https:` anywhere, `http:` only on localhost (the demo); relative URLs resolve against the page. */
function link(value: string, pageUrl: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, pageUrl);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOST.test(url.hostname)) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: string) => (value && value.length <= MAX_TEXT ? value : undefined);
const oneOf =
  <T extends string>(...allowed: T[]) =>
  (value: string) =>
    allowed.includes(value as T) ? (value as T) : undefined;

function hex(value: string): string | undefined {
  if (!HEX.test(value)) return undefined;
  const digits = value.slice(1).toLowerCase();
  return '#' + (digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits);
}

type Parsers = { [K in keyof WidgetConfig]: (value: string, pageUrl: string) => WidgetConfig[K] | undefined };

/** How each attribute is read; `undefined` means invalid (the default stays). */
const PARSERS: Parsers = {
  bookingUrl: link,
  bookingLabel: text,
  accent: hex,
  position: oneOf('right', 'left'),
  zIndex: (v) => (/^\d{1,10}$/.test(v) && +v <= 2147483647 ? +v : undefined),
  title: text,
  open: (v) => (v === 'true' ? true : v === 'false' ? false : undefined),
  knowledgeUrl: link,
  launcherLabel: text,
  font: (v) => (FONT.test(v) ? v : undefined),
  lang: (v) => (LANG.test(v) ? v : undefined),
  country: (v) => (COUNTRY.test(v) ? v.toUpperCase() : undefined),
  theme: oneOf('light', 'dark', 'auto'),
};

/** `booking-url` for `bookingUrl`, as in `data-booking-url`. */
const attribute = (key: string) => key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/**
 * The options from the script tag's `data-` attributes (its `dataset`), without a word to the
 * console: an invalid value keeps the default and is passed to `onInvalid`. The loader reads the
 * tag with it and hands what was invalid to the app, which carries the messages ({@link warnInvalid}).
 */
export function parseConfig(data: Readonly<Record<string, string | undefined>>, pageUrl: string, onInvalid?: (key: keyof WidgetConfig, raw: string) => void): WidgetConfig {
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const key of Object.keys(PARSERS) as (keyof WidgetConfig)[]) {
    const raw = data[key];
    if (raw === undefined) continue;
    const value = PARSERS[key](raw.trim(), pageUrl);
    if (value === undefined) onInvalid?.(key, raw);
    else config[key] = value;
  }
  return Object.freeze(config as unknown as WidgetConfig);
}

/**
 * For each attribute: what it should be, and what is used instead. A function, so that the loader,
 * which parses the tag but carries no messages, does not build it.
 */
function expected(): Record<keyof WidgetConfig, [expected: string, fallback: string]> {
  const label = `a text of 1 to ${MAX_TEXT} characters`;
  return {
    bookingUrl: ['an https: link', "the knowledge's booking link"],
    bookingLabel: [label, "the knowledge's booking label"],
    accent: ['a hex colour like #2f6f5e', DEFAULT_CONFIG.accent],
    position: ['"right" or "left"', DEFAULT_CONFIG.position],
    zIndex: ['a whole number from 0 to 2147483647', String(DEFAULT_CONFIG.zIndex)],
    title: [label, "the knowledge's title"],
    open: ['"true" or "false"', 'false'],
    knowledgeUrl: ['an https: link', 'the built-in knowledge'],
    launcherLabel: [label, "the knowledge's launcher label"],
    font: ['a font-family list like "Inter", sans-serif', 'the system font'],
    lang: ['a language tag like en or es-MX', "the knowledge's language"],
    country: ['a country code like US, CA, GB, AU or EU', "the knowledge's default country"],
    theme: ['"light", "dark" or "auto"', DEFAULT_CONFIG.theme],
  };
}

/** An attribute the loader read and could not use: the option's name and the value as written. */
export type InvalidAttribute = [key: keyof WidgetConfig, raw: string];

/** One `KapChat:` warning per invalid attribute, naming it, its value and the default used. */
export function warnInvalid(invalid: readonly InvalidAttribute[]): void {
  const what = expected();
  for (const [key, raw] of invalid) warn(configMessages.badAttribute(attribute(key), raw, ...what[key]));
}

/**
 * Reads the widget's options from the script tag's `data-` attributes (its `dataset`).
 * Warns once per invalid attribute, naming it, its value and the default used.
 *
 * @example
 * readConfig(script.dataset, location.href).accent; // → '#2f6f5e'
 */
export function readConfig(data: Readonly<Record<string, string | undefined>>, pageUrl: string): WidgetConfig {
  const invalid: InvalidAttribute[] = [];
  const config = parseConfig(data, pageUrl, (key, raw) => invalid.push([key, raw]));
  warnInvalid(invalid);
  return config;
}
