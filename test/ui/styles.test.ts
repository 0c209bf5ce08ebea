import { describe, expect, it } from 'vitest';
import { AA, contrastRatio } from '../../widget/embed/contrast';
import { styles } from '../../widget/ui/styles';

describe('styles', () => {
  describe('against the host page', () => {
    it('starts by resetting the host element', () => {
      expect(styles.startsWith(':host{all:initial')).toBe(true);
    });

    it('sets the text properties on the root container', () => {
      const root = /\.k\{([^}]*)\}/.exec(styles)![1]!;
      for (const property of ['font-family', 'font-size:16px', 'line-height', 'letter-spacing', 'color']) expect(root).toContain(property);
    });

    it('reads only its own custom properties', () => {
      const used = [...styles.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((name) => !name!.startsWith('--kap-'))).toEqual([]);
    });

    it('uses no rem units, which follow the page root font size', () => {
      expect(styles).not.toMatch(/\d(?:\.\d+)?rem\b/);
    });
  });

  describe('on phones', () => {
    it('keeps the question field at 16px so iOS does not zoom', () => {
      expect(/(?:^|\n)input\{[^}]*font-size:16px/.test(styles)).toBe(true);
    });

    it('fills the screen below 640px, sized by the visual viewport', () => {
      expect(styles).toContain('@media (max-width:639px)');
      expect(styles).toContain('height:var(--kap-vh,100%)');
      expect(styles).toContain('env(safe-area-inset-bottom)');
    });
  });

  describe('under prefers-reduced-motion', () => {
    it('turns off animations and transitions', () => {
      expect(styles).toMatch(/@media \(prefers-reduced-motion:reduce\)\{\*\{animation:none!important;transition:none!important\}\}/);
    });
  });

  describe('its fixed colours', () => {
    it.each([
      ['body text on white', '#1f2328', '#ffffff'],
      ['body text on the assistant bubble', '#1f2328', '#f3f4f6'],
      ['muted text (disclaimer, counter) on white', '#57606a', '#ffffff'],
      ['placeholder on white', '#6e7781', '#ffffff'],
      ['crisis title on the crisis card', '#912018', '#fef3f2'],
      ['crisis buttons', '#ffffff', '#b42318'],
      ['the "Need help now?" control', '#b42318', '#fff'],
      ['the "Need help now?" control when open', '#fff', '#b42318'],
    ])('reach AA for %s', (_, text, background) => {
      expect(styles).toContain(text === '#ffffff' ? background : text);
      expect(contrastRatio(expand(text), expand(background))).toBeGreaterThanOrEqual(AA);
    });
  });

  describe('the "Need help now?" control', () => {
    const rule = (selector: string) => new RegExp(`(?:^|\\n)${selector.replace(/[[\]=.]/g, '\\$&')}\\{([^}]*)\\}`).exec(styles)?.[1] ?? '';

    it('is red on white, and white on red when open: AA either way, whatever the accent', () => {
      expect(rule('.k-help')).toMatch(/background:#fff;color:#b42318/);
      expect(rule('.k-help[aria-expanded=true]')).toMatch(/background:#b42318;color:#fff/);
    });

    it('is at least 24px tall, a target easy to hit', () => {
      expect(Number(/min-height:(\d+)px/.exec(rule('.k-help'))?.[1])).toBeGreaterThanOrEqual(24);
    });
  });
});

/** `#fff` → `#ffffff`. */
function expand(hex: string): string {
  return hex.length === 4 ? '#' + [...hex.slice(1)].map((d) => d + d).join('') : hex;
}
