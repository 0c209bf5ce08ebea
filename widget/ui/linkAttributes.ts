import { isSafeHref } from '../core';

/** The demo runs on plain http://localhost; nowhere else is http: allowed. */
const LOCAL_HTTP = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?\//i;

export interface LinkAttributes {
  href: string;
  target?: '_blank';
  rel?: 'noopener noreferrer';
}

/**
 * The attributes of a link the widget may render, or null when the href is not allowed
 * (`javascript:`, `data:`, plain `http:` …). Web links open in a new tab without an opener;
 * `tel:`, `sms:` and `mailto:` open where they are.
 *
 * @example
 * linkAttributes('tel:988'); // → { href: 'tel:988' }
 * linkAttributes('javascript:alert(1)'); // → null
 */
export function linkAttributes(href: string | undefined): LinkAttributes | null {
  if (!href || !(isSafeHref(href) || LOCAL_HTTP.test(href))) return null;
  return /^https?:/i.test(href) ? { href, target: '_blank', rel: 'noopener noreferrer' } : { href };
}
