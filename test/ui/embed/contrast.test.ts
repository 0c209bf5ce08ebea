import { describe, expect, it } from 'vitest';
import { AA, contrastRatio, DARK_SURFACE, darken, inkColor, inkColorOnDark, lighten, NEAR_BLACK, SURFACE, textColorOn, WHITE } from '../../../widget/embed/contrast';

describe('contrastRatio', () => {
  describe('for known pairs', () => {
    it('is 21 for black on white and 1 for a colour on itself', () => {
      expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
      expect(contrastRatio('#2f6f5e', '#2f6f5e')).toBe(1);
    });

    it('does not depend on the order', () => {
      expect(contrastRatio('#ffd400', '#1b2a4a')).toBe(contrastRatio('#1b2a4a', '#ffd400'));
    });
  });
});

describe('textColorOn', () => {
  describe('for typical accents', () => {
    it.each([
      ['#2f6f5e', WHITE], // the practice's green
      ['#1b2a4a', WHITE], // dark navy
      ['#ffd400', NEAR_BLACK], // yellow
      ['#ffffff', NEAR_BLACK],
      ['#8fd3c1', NEAR_BLACK], // pale mint
      ['#6b21a8', WHITE], // purple
    ])('picks a readable text colour on %s', (accent, expected) => {
      expect(textColorOn(accent)).toBe(expected);
      expect(contrastRatio(accent, textColorOn(accent))).toBeGreaterThanOrEqual(AA);
    });
  });

  describe('for every colour', () => {
    it('reaches 4.5:1, mid-tones included', () => {
      for (let n = 0; n < 4096; n++) {
        const accent = '#' + [n >> 8, (n >> 4) & 15, n & 15].map((d) => d.toString(16).repeat(2)).join('');
        expect(contrastRatio(accent, textColorOn(accent)), accent).toBeGreaterThanOrEqual(AA);
      }
    });
  });
});

describe('inkColor', () => {
  describe('for an accent that reads on white', () => {
    it('keeps the accent', () => {
      expect(inkColor('#1b2a4a')).toBe('#1b2a4a');
      expect(inkColor('#2f6f5e')).toBe('#2f6f5e');
    });
  });

  describe('for an accent too light to read on white', () => {
    it.each(['#ffd400', '#8fd3c1', '#ffffff', '#ff9900'])('derives a darker colour that reads on %s', (accent) => {
      const ink = inkColor(accent);
      expect(ink).not.toBe(accent);
      expect(contrastRatio(ink, SURFACE)).toBeGreaterThanOrEqual(AA);
      expect(contrastRatio(ink, WHITE)).toBeGreaterThanOrEqual(AA);
    });
  });
});

describe('inkColorOnDark', () => {
  describe('for an accent that reads on the dark surfaces', () => {
    it('keeps the accent', () => {
      expect(inkColorOnDark('#ffd400')).toBe('#ffd400');
    });
  });

  describe('for every accent', () => {
    it('derives a colour that reads at AA on the dark theme\'s bubbles', () => {
      for (let n = 0; n < 4096; n += 7) {
        const accent = '#' + [n >> 8, (n >> 4) & 15, n & 15].map((d) => d.toString(16).repeat(2)).join('');
        expect(contrastRatio(inkColorOnDark(accent), DARK_SURFACE), accent).toBeGreaterThanOrEqual(AA);
      }
    });
  });
});

describe('lighten', () => {
  it('keeps the colour at 0 and gives white at 1', () => {
    expect(lighten('#2f6f5e', 0)).toBe('#2f6f5e');
    expect(lighten('#2f6f5e', 1)).toBe('#ffffff');
  });
});

describe('darken', () => {
  describe('at the ends of its range', () => {
    it('keeps the colour at 0 and gives black at 1', () => {
      expect(darken('#ffd400', 0)).toBe('#ffd400');
      expect(darken('#ffd400', 1)).toBe('#000000');
    });
  });
});
