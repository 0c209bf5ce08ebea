import { describe, expect, it } from 'vitest';
import { AA, contrastRatio } from '../../widget/embed/contrast';
import { DEFAULT_CONFIG } from '../../widget/embed/readConfig';
import { themeProperties } from '../../widget/embed/themeProperties';
import { FULL_SCREEN_QUERY, SHORT_PANEL_QUERY, styles } from '../../widget/ui/styles';

interface Rule {
  /** The enclosing at-rules, e.g. `['@media (forced-colors:active)']`. */
  at: string[];
  selector: string;
  declarations: Map<string, string>;
}

/** The stylesheet's rules, at-rules flattened: enough CSS parsing for a minified sheet with no strings containing braces. */
function parseRules(css: string): Rule[] {
  const rules: Rule[] = [];
  const at: string[] = [];
  let buffer = '';
  for (const char of css) {
    if (char === '{') {
      at.push(buffer.trim());
      buffer = '';
    } else if (char === '}') {
      const selector = at.pop();
      if (selector !== undefined && buffer.trim() && !selector.startsWith('@')) {
        const declarations = new Map<string, string>();
        for (const part of buffer.split(';')) {
          const colon = part.indexOf(':');
          if (colon > 0) declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim().replace(/!important$/, ''));
        }
        rules.push({ at: [...at], selector, declarations });
      }
      buffer = '';
    } else buffer += char;
  }
  return rules;
}

const rules = parseRules(styles);
const ruleFor = (selector: string) => rules.find((r) => r.selector === selector && r.at.length === 0);
const rule = (selector: string) => [...(ruleFor(selector)?.declarations ?? [])].map(([k, v]) => `${k}:${v}`).join(';');

/** The custom properties of a theme: the host's defaults, the light palette on `.k`, the dark one over it. */
function palette(theme: 'light' | 'dark'): Map<string, string> {
  const vars = new Map<string, string>();
  const selectors = [':host', '.k', ...(theme === 'dark' ? ['.k[data-theme=dark]'] : [])];
  for (const selector of selectors) for (const [name, value] of ruleFor(selector)!.declarations) if (name.startsWith('--')) vars.set(name, value);
  return vars;
}

/** A colour value with its variables resolved, as `#rrggbb`; null for anything that is not one colour. */
function resolve(value: string, vars: Map<string, string>): string | null {
  for (let depth = 0; depth < 5; depth++) {
    const ref = /^var\((--[\w-]+)\)$/.exec(value);
    if (!ref) break;
    value = vars.get(ref[1]!) ?? '';
  }
  if (/^#[\da-f]{3}$/i.test(value)) return '#' + [...value.slice(1)].map((d) => d + d).join('').toLowerCase();
  return /^#[\da-f]{6}$/i.test(value) ? value.toLowerCase() : null;
}

describe('styles', () => {
  describe('against the host page', () => {
    it('starts by resetting the host element', () => {
      expect(styles.startsWith(':host{all:initial')).toBe(true);
    });

    it('sets the text properties on the root container', () => {
      const root = rule('.k');
      for (const property of ['font-family', 'font-size:medium', 'line-height', 'letter-spacing', 'color', 'text-align:start']) expect(root).toContain(property);
    });

    it('reads only its own custom properties: --kap-* from the embed, --k-* its palette', () => {
      const used = [...styles.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((name) => !name.startsWith('--kap-') && !name.startsWith('--k-'))).toEqual([]);
      const defined = new Set(rules.flatMap((r) => [...r.declarations.keys()]).filter((name) => name.startsWith('--k-')));
      expect(used.filter((name) => name.startsWith('--k-') && !defined.has(name))).toEqual([]);
    });

    it('has defaults on :host equal to what the embed sets for the default accent', () => {
      const host = ruleFor(':host')!.declarations;
      for (const [name, value] of Object.entries(themeProperties(DEFAULT_CONFIG))) expect(host.get(name), name).toBe(value);
    });
  });

  describe('its sizes', () => {
    it('are in em of the browser default text size: no px font sizes, no rem, which follows the page', () => {
      expect(styles).not.toMatch(/\d(?:\.\d+)?rem\b/);
      const fontSizes = rules.flatMap((r) => (r.declarations.has('font-size') ? [r.declarations.get('font-size')!] : []));
      expect(fontSizes.filter((size) => /\dpx/.test(size) && !/^max\(1em,16px\)$/.test(size))).toEqual([]);
      const lengths = [...styles.matchAll(/(?<![\w.#-])(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
      // Only hairlines and the iOS floor stay in px.
      expect(lengths.filter((px) => px > 1 && px !== 16)).toEqual([]);
    });

    it('keep the question field at 16px or more so iOS does not zoom', () => {
      expect(rule('textarea')).toContain('font-size:max(1em,16px)');
    });
  });

  describe('its layouts', () => {
    it('fill the screen when the viewport is narrow or short, sized by the visual viewport', () => {
      expect(FULL_SCREEN_QUERY).toMatch(/max-width:[\d.]+em/);
      expect(FULL_SCREEN_QUERY).toMatch(/max-height:[\d.]+em/);
      const full = rules.find((r) => r.at.includes(`@media ${FULL_SCREEN_QUERY}`) && r.selector === '.k-panel')!;
      expect(full.declarations.get('height')).toBe('var(--kap-vh,100%)');
      expect(full.declarations.get('padding')).toContain('env(safe-area-inset-bottom)');
    });

    it('float a panel elsewhere that grows with the viewport, so the messages keep half of its height', () => {
      expect(rule('.k-panel')).toContain('height:min(calc(100vh - 7em),calc(50vh + 24em))');
    });

    it('give the messages half the viewport first: the question field and the disclaimer give way down to one line each', () => {
      expect(rule('.k-scroll')).toContain('flex:1 1 50vh;min-height:min(50vh,100% - 18em)');
      const wide = rules.find((r) => r.at.includes('@container (min-width:32em)') && r.selector === '.k-scroll')!;
      expect(wide.declarations.get('min-height')).toBe('min(50vh,100% - 12em)');
      expect(rule('.k-row')).toMatch(/flex:0 10000 auto;min-height:calc\(4em \+ 1px\)/);
      expect(rule('.k-disc')).toMatch(/flex:0 10000 auto;min-height:2.4em/);
      expect(rule('.k-notes')).toContain('flex:none');
    });

    it('grow the question field to five lines at most, stretched to what its row has', () => {
      expect(rule('textarea')).toContain('field-sizing:content');
      expect(rule('textarea')).toContain('align-self:stretch');
      expect(rule('textarea')).toContain('max-height:8.75em');
    });

    it('shrink the header to one line when the panel itself is short, keyboard up or floating on a laptop', () => {
      expect(rule('.k-panel')).toContain('container-type:size');
      const compact = rules.filter((r) => r.at.includes(`@container ${SHORT_PANEL_QUERY}`)).map((r) => r.selector);
      expect(compact).toEqual(expect.arrayContaining(['.k-head', '.k-sub']));
    });
  });

  describe('under prefers-reduced-motion', () => {
    it('turns off animations and transitions', () => {
      expect(styles).toMatch(/@media \(prefers-reduced-motion:reduce\)\{\*\{animation:none!important;transition:none!important\}\}/);
    });
  });

  describe('in forced-colours mode', () => {
    it('draws borders around what backgrounds alone told apart, and focus in the system highlight', () => {
      const forced = rules.filter((r) => r.at.includes('@media (forced-colors:active)'));
      // One such rule at the end of each part (launcher, shell, panel), after the rules it overrides.
      const bordered = forced.filter((r) => r.declarations.get('border')?.includes('CanvasText')).flatMap((r) => r.selector.split(','));
      for (const part of ['.k-msg', '.k-btn', '.k-send', '.k-help', '.k-launch', '.k-quick button']) expect(bordered).toContain(part);
      expect(forced.some((r) => r.selector.includes(':focus-visible') && r.declarations.get('outline-color') === 'Highlight')).toBe(true);
    });
  });

  describe.each(['light', 'dark'] as const)('its colours in the %s theme', (theme) => {
    const vars = palette(theme);
    const surfaces = [...vars].filter(([name]) => /^--k-(?:[\w-]+-)?bg$/.test(name)).map(([name, value]) => [name, resolve(value, vars)!] as const);
    const coloured = rules.filter((r) => !r.at.includes('@media (forced-colors:active)') && r.declarations.has('color') && resolve(r.declarations.get('color')!, vars));

    it('has light and dark surfaces to check against', () => {
      expect(surfaces.length).toBeGreaterThanOrEqual(3);
      expect(coloured.length).toBeGreaterThan(10);
    });

    it.each(coloured.map((r) => [r.selector, r] as const))('reach AA for the text of %s', (_, r) => {
      const text = resolve(r.declarations.get('color')!, vars)!;
      const background = r.declarations.get('background') ?? r.declarations.get('background-color');
      const own = background === undefined ? null : resolve(background, vars);
      // With its own background, that pair; without, every surface it may stand on.
      const against = own ? [['its background', own] as const] : surfaces;
      for (const [name, surface] of against) expect(contrastRatio(text, surface), `${r.selector}: ${text} on ${name} ${surface}`).toBeGreaterThanOrEqual(AA);
    });
  });

  describe('the "Need help now?" control', () => {
    it('is red on white, and white on red when open: AA either way, whatever the accent', () => {
      expect(rule('.k-help')).toMatch(/background:#fff;color:#b42318/);
      expect(rule('.k-help[aria-expanded=true]')).toMatch(/background:#b42318;color:#fff/);
    });

    it('is at least 24px tall at the default text size, a target easy to hit', () => {
      expect(Number(/min-height:([\d.]+)em/.exec(rule('.k-help'))?.[1]) * 16 * 0.9375).toBeGreaterThanOrEqual(24);
    });
  });
});
