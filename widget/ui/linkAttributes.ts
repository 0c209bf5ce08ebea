import { isSafeHref } from '../core';

/** The demo runs on plain http://localhost; nowhere else is http: allowed. */
const LOCAL_HTTP = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?\//i;
/** A path on the page's own site, e.g. `/booking.html` (never `//other.site`). */
const SITE_PATH = /^\/(?!\/)\S*$/;

export interface LinkAttributes {
  href: string;
  target?: '_blank';
  rel?: 'noopener noreferrer';
}

/** `www.example.com` and `example.com` are one site. */
const siteOf = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, '');

function sameSite(href: string, pageUrl: string | undefined): boolean {
  try {
    return pageUrl !== undefined && siteOf(new URL(href)) === siteOf(new URL(pageUrl));
  } catch {
    return false;
  }
}

/**
 * The attributes of a link the widget may render, or null when the href is not allowed
 * (`javascript:`, `data:`, plain `http:` …). A page of the same site (a path, or the same host with
 * or without `www.`) opens in the same tab, so the visitor stays in the site and the chat follows
 * them; another site opens in a new tab without an opener (the caller shows a hint);
 * `tel:`, `sms:` and `mailto:` open where they are.
 *
 * @example
 * linkAttributes('tel:988'); // → { href: 'tel:988' }
 * linkAttributes('/booking.html'); // → { href: '/booking.html' }
 * linkAttributes('https://other.example/book', 'https://practice.example/'); // → { href, target: '_blank', rel: 'noopener noreferrer' }
 * linkAttributes('javascript:alert(1)'); // → null
 */
export function linkAttributes(href: string | undefined, pageUrl: string | undefined = globalThis.location?.href): LinkAttributes | null {
  if (!href) return null;
  if (SITE_PATH.test(href)) return { href };
  if (!(isSafeHref(href) || LOCAL_HTTP.test(href))) return null;
  if (!/^https?:/i.test(href) || sameSite(href, pageUrl)) return { href };
  return { href, target: '_blank', rel: 'noopener noreferrer' };
}
