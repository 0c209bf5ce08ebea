import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../widget/core';

describe('textDirection', () => {
  describe('for languages written left to right', () => {
    it.each(['en', 'en-GB', 'es-MX', 'fr', 'zh-Hant', 'ku-Latn'])('is ltr for %s', (lang) => {
      expect(textDirection(lang)).toBe('ltr');
    });
  });

  describe('for languages written right to left', () => {
    it.each(['ar', 'AR-eg', 'he', 'fa-IR', 'ur', 'yi', 'az-Arab', 'pa-Arab'])('is rtl for %s', (lang) => {
      expect(textDirection(lang)).toBe('rtl');
    });
  });
});
