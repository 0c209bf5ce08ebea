/**
 * Languages written right to left, by their primary subtag. Scripts tagged explicitly win:
 * `az-Arab` is right to left, `ku-Latn` left to right.
 */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);

/**
 * The writing direction of a language tag, so the widget sets its own `dir` and a right-to-left page
 * cannot flip English text (nor a left-to-right page Arabic).
 *
 * @example
 * textDirection('en'); // → 'ltr'
 * textDirection('ar-EG'); // → 'rtl'
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const [language = '', ...rest] = lang.toLowerCase().split('-');
  const script = rest.find((part) => part.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
