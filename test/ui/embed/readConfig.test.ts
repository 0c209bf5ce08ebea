import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_CONFIG, readConfig } from '../../../widget/embed/readConfig';

const PAGE = 'https://therapy.example/approach.html';
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('readConfig', () => {
  describe('without attributes', () => {
    it('returns the defaults and warns about nothing', () => {
      expect(readConfig({}, PAGE)).toEqual(DEFAULT_CONFIG);
      expect(warn).not.toHaveBeenCalled();
    });
  });

  describe('with valid attributes', () => {
    it('reads every one of them', () => {
      const config = readConfig(
        {
          bookingUrl: 'https://cal.example/book',
          bookingLabel: 'Book a call',
          accent: '#2F6F5E',
          position: 'left',
          zIndex: '1000',
          title: 'Ask us',
          open: 'true',
          knowledgeUrl: 'https://therapy.example/knowledge.json',
          launcherLabel: 'Chat',
          font: '"Inter", sans-serif',
          lang: 'es-MX',
          country: 'GB',
          theme: 'dark',
        },
        PAGE,
      );
      expect(config).toEqual({
        bookingUrl: 'https://cal.example/book',
        bookingLabel: 'Book a call',
        accent: '#2f6f5e',
        position: 'left',
        zIndex: 1000,
        title: 'Ask us',
        open: true,
        knowledgeUrl: 'https://therapy.example/knowledge.json',
        launcherLabel: 'Chat',
        font: '"Inter", sans-serif',
        lang: 'es-MX',
        country: 'GB',
        theme: 'dark',
      });
      expect(warn).not.toHaveBeenCalled();
    });

    it('resolves a relative booking URL against the page', () => {
      expect(readConfig({ bookingUrl: '/booking.html' }, PAGE).bookingUrl).toBe('https://therapy.example/booking.html');
    });

    it('allows http: on localhost for the demo', () => {
      expect(readConfig({ bookingUrl: '/booking.html' }, 'http://localhost:5173/').bookingUrl).toBe('http://localhost:5173/booking.html');
    });

    it('reads a country code in any case', () => {
      expect(readConfig({ country: 'au' }, PAGE).country).toBe('AU');
      expect(readConfig({ country: ' Eu ' }, PAGE).country).toBe('EU');
    });

    it('expands a short hex colour', () => {
      expect(readConfig({ accent: '#abc' }, PAGE).accent).toBe('#aabbcc');
    });

    it('freezes the result', () => {
      expect(Object.isFrozen(readConfig({}, PAGE))).toBe(true);
    });
  });

  describe('with invalid attributes', () => {
    it.each([
      ['bookingUrl', 'data-booking-url', 'javascript:alert(1)', "the knowledge's booking link"],
      ['bookingUrl', 'data-booking-url', 'http://therapy.example/book', "the knowledge's booking link"],
      ['bookingLabel', 'data-booking-label', '', "the knowledge's booking label"],
      ['accent', 'data-accent', 'green', '#2f6f5e'],
      ['accent', 'data-accent', '#12345', '#2f6f5e'],
      ['position', 'data-position', 'middle', 'right'],
      ['zIndex', 'data-z-index', '10.5', '2147483647'],
      ['zIndex', 'data-z-index', '-3', '2147483647'],
      ['zIndex', 'data-z-index', '99999999999', '2147483647'],
      ['title', 'data-title', 'x'.repeat(81), "the knowledge's title"],
      ['open', 'data-open', 'yes', 'false'],
      ['knowledgeUrl', 'data-knowledge-url', 'ftp://therapy.example/k.json', 'the built-in knowledge'],
      ['launcherLabel', 'data-launcher-label', '  ', "the knowledge's launcher label"],
      ['font', 'data-font', 'x;}body{display:none', 'the system font'],
      ['lang', 'data-lang', 'english!', "the knowledge's language"],
      ['theme', 'data-theme', 'night', 'auto'],
      ['country', 'data-country', 'United Kingdom', "the knowledge's default country"],
      ['country', 'data-country', 'USA', "the knowledge's default country"],
    ])('warns once about %s and uses the default', (key, attribute, value, fallback) => {
      const config = readConfig({ [key]: value }, PAGE);
      expect(config[key as keyof typeof config]).toEqual(DEFAULT_CONFIG[key as keyof typeof DEFAULT_CONFIG]);
      expect(warn).toHaveBeenCalledOnce();
      const message = String(warn.mock.calls[0]![0]);
      expect(message.startsWith('KapChat:')).toBe(true);
      expect(message).toContain(`${attribute}="${value}"`);
      expect(message).toContain(`using ${fallback}`);
    });

    it('warns once per bad attribute and keeps the good ones', () => {
      const config = readConfig({ accent: 'blue', position: 'top', title: 'Ask us' }, PAGE);
      expect(warn).toHaveBeenCalledTimes(2);
      expect(config.title).toBe('Ask us');
    });
  });
});
