import { describe, expect, it } from 'vitest';
import { linkAttributes } from '../../widget/ui/linkAttributes';

describe('linkAttributes', () => {
  describe('for allowed hrefs', () => {
    it.each([
      ['https://example.com/book', { href: 'https://example.com/book', target: '_blank', rel: 'noopener noreferrer' }],
      ['http://localhost:5173/booking.html', { href: 'http://localhost:5173/booking.html', target: '_blank', rel: 'noopener noreferrer' }],
      ['tel:988', { href: 'tel:988' }],
      ['sms:988', { href: 'sms:988' }],
      ['mailto:hello@example.com', { href: 'mailto:hello@example.com' }],
    ])('returns the attributes of %s', (href, expected) => {
      expect(linkAttributes(href)).toEqual(expected);
    });
  });

  describe('for anything else', () => {
    it.each([undefined, '', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'http://example.com/', 'http://localhost.evil.com/'])(
      'returns null for %s',
      (href) => {
        expect(linkAttributes(href)).toBeNull();
      },
    );
  });
});
