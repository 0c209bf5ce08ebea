import { errorMessages, warn } from './errorMessages';

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

function hex(value: string): string | undefined {
  if (!HEX.test(value)) return undefined;
  const digits = value.slice(1).toLowerCase();
  return '#' + (digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits);
}

/**
 * Reads the widget's options from the script tag's `data-` attributes (its `dataset`).
 * Warns once per invalid attribute, naming it, its value and the default used.
 *
 * @example
 * readConfig(script.dataset, location.href).accent; // → '#2f6f5e'
 */
export function readConfig(data: Readonly<Record<string, string | undefined>>, pageUrl: string): WidgetConfig {
  const config: WidgetConfig = { ...DEFAULT_CONFIG };
  const read = <K extends keyof WidgetConfig>(
    key: K,
    attribute: string,
    parse: (value: string) => WidgetConfig[K] | undefined,
    expected: string,
    fallback: string,
  ) => {
    const raw = data[key];
    if (raw === undefined) return;
    const value = parse(raw.trim());
    if (value === undefined) warn(errorMessages.badAttribute(attribute, raw, expected, fallback));
    else config[key] = value;
  };
  const label = `a text of 1 to ${MAX_TEXT} characters`;

  read('bookingUrl', 'booking-url', (v) => link(v, pageUrl), 'an https: link', "the knowledge's booking link");
  read('bookingLabel', 'booking-label', text, label, "the knowledge's booking label");
  read('accent', 'accent', hex, 'a hex colour like #2f6f5e', DEFAULT_CONFIG.accent);
  read('position', 'position', (v) => (v === 'right' || v === 'left' ? v : undefined), '"right" or "left"', DEFAULT_CONFIG.position);
  read(
    'zIndex',
    'z-index',
    (v) => (/^\d{1,10}$/.test(v) && +v <= 2147483647 ? +v : undefined),
    'a whole number from 0 to 2147483647',
    String(DEFAULT_CONFIG.zIndex),
  );
  read('title', 'title', text, label, "the knowledge's title");
  read('open', 'open', (v) => (v === 'true' ? true : v === 'false' ? false : undefined), '"true" or "false"', 'false');
  read('knowledgeUrl', 'knowledge-url', (v) => link(v, pageUrl), 'an https: link', 'the built-in knowledge');
  read('launcherLabel', 'launcher-label', text, label, "the knowledge's launcher label");
  read('font', 'font', (v) => (FONT.test(v) ? v : undefined), 'a font-family list like "Inter", sans-serif', 'the system font');
  read('lang', 'lang', (v) => (LANG.test(v) ? v : undefined), 'a language tag like en or es-MX', "the knowledge's language");
  read('country', 'country', (v) => (COUNTRY.test(v) ? v.toUpperCase() : undefined), 'a country code like US, CA, GB, AU or EU', "the knowledge's default country");
  read('theme', 'theme', (v) => (v === 'light' || v === 'dark' || v === 'auto' ? v : undefined), '"light", "dark" or "auto"', DEFAULT_CONFIG.theme);
  return Object.freeze(config);
}
