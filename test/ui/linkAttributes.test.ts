import { describe, expect, it } from 'vitest';
import { linkAttributes } from '../../widget/ui/linkAttributes';

const PAGE = 'https://www.practice.example/approach.html';
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' } as const;

describe('linkAttributes', () => {
  describe('for allowed hrefs', () => {
    it.each([
      ['https://cal.example/book', { href: 'https://cal.example/book', ...NEW_TAB }],
      ['http://localhost:5173/booking.html', { href: 'http://localhost:5173/booking.html', ...NEW_TAB }],
      ['tel:988', { href: 'tel:988' }],
      ['sms:988', { href: 'sms:988' }],
      ['mailto:hello@example.com', { href: 'mailto:hello@example.com' }],
    ])('returns the attributes of %s', (href, expected) => {
      expect(linkAttributes(href, PAGE)).toEqual(expected);
    });
  });

  describe('for a page of the same site', () => {
    it.each([
      '/booking.html',
      'https://www.practice.example/booking.html',
      'https://practice.example/booking.html',
    ])('opens %s in the same tab', (href) => {
      expect(linkAttributes(href, PAGE)).toEqual({ href });
    });

    it('opens the demo booking page on localhost in the same tab', () => {
      expect(linkAttributes('http://localhost:5173/booking.html', 'http://localhost:5173/')).toEqual({ href: 'http://localhost:5173/booking.html' });
    });
  });

  describe('for another site', () => {
    it('opens it in a new tab without an opener', () => {
      expect(linkAttributes('https://practice.example.evil.com/', PAGE)).toEqual({ href: 'https://practice.example.evil.com/', ...NEW_TAB });
    });
  });

  describe('for anything else', () => {
    it.each([undefined, '', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'http://example.com/', 'http://localhost.evil.com/', '//evil.com/x'])(
      'returns null for %s',
      (href) => {
        expect(linkAttributes(href, PAGE)).toBeNull();
      },
    );
  });
});
