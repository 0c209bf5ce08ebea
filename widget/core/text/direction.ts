/** Right-to-left by language (Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto, Sindhi, Kurdish…) or by script subtag. */
const RTL = /^(?:ar|arc|ckb|dv|fa|he|iw|ks|ku|ps|sd|syr|ug|ur|yi)(?:-|$)|-(?:arab|hebr|syrc|thaa|nkoo|adlm|rohg)(?:-|$)/i;
/** A script subtag that says otherwise: `ku-Latn` is left to right. */
const SCRIPT = /-[a-z]{4}(?:-|$)/i;

/**
 * The writing direction of a language tag, so the widget sets its own `dir` and a right-to-left page
 * cannot flip English text (nor a left-to-right page Arabic). An explicit script subtag wins.
 *
 * @example
 * textDirection('en'); // → 'ltr'
 * textDirection('ar-EG'); // → 'rtl'
 * textDirection('az-Arab'); // → 'rtl'
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const script = SCRIPT.exec(lang);
  return (script ? RTL.test(script[0]) : RTL.test(lang)) ? 'rtl' : 'ltr';
}
