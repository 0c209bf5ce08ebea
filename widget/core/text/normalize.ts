/**
 * Text normalisation shared by the safety guards and the matcher: one way of reading a visitor's
 * words, so that "I'm on Prozac", "im on prozac" and "IM ON PROZAC!!" all look the same.
 */

/** Longest input the engine reads; beyond this a question is cut (the widget limits input far below). */
export const MAX_INPUT_CHARS = 20_000;

const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const HTML_TAG = /<\/?[a-z][^<>]*>/gi;
const DIGIT_LETTER = /(\d)(\p{L})/gu;
const LETTER_DIGIT = /(\p{L})(\d)/gu;
// Lone surrogates are not valid text; replace them rather than let them reach a regular expression.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Folds case, accents and apostrophes and drops markup, keeping punctuation and emoji: the first
 * half of {@link foldText}, shared with the safety model, which reads emoji as words.
 */
export function foldLetters(input: string): string {
  return input
    .slice(0, MAX_INPUT_CHARS)
    // Markup is not words: "<script>alert(1)</script>" reads as "alert 1".
    .replace(HTML_TAG, ' ')
    .replace(LONE_SURROGATE, ' ')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '');
}

/**
 * Folds case, accents, apostrophes and punctuation: `"Is it SAFE—for me?"` becomes `"is it safe for me"`.
 * Apostrophes are dropped, not spaced, so "I'm" and "Im" read the same.
 */
export function foldText(input: string): string {
  return foldLetters(input)
    .replace(NOT_WORD, ' ')
    // "100mg" -> "100 mg", "20yo" -> "20 yo"
    .replace(DIGIT_LETTER, '$1 $2')
    .replace(LETTER_DIGIT, '$1 $2')
    .trim();
}

/** Replaces whole words and short phrases (abbreviations, misspellings) using a prepared table. */
export interface Replacer {
  (tokens: string[]): string[];
}

/**
 * Builds a replacer from `{ "im": "i am", "special k": "ketamine" }`. Keys may be one or two words;
 * matching is on whole words only, longest key first.
 */
export function createReplacer(table: Record<string, string>): Replacer {
  const single = new Map<string, string[]>();
  const double = new Map<string, string[]>();
  for (const [from, to] of Object.entries(table)) {
    const key = foldText(from).split(' ');
    const value = foldText(to).split(' ').filter(Boolean);
    if (key.length === 1 && key[0]) single.set(key[0], value);
    else if (key.length === 2) double.set(key.join(' '), value);
  }
  return (tokens) => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const next = tokens[i + 1];
      if (next !== undefined) {
        const pair = double.get(token + ' ' + next);
        if (pair) {
          out.push(...pair);
          i++;
          continue;
        }
      }
      const one = single.get(token);
      if (one) out.push(...one);
      else out.push(token);
    }
    return out;
  };
}

/** Splits folded text into words. */
export function tokenize(folded: string): string[] {
  return folded ? folded.split(' ') : [];
}

const SUFFIXES: ReadonlyArray<[string, number]> = [
  // [suffix, shortest stem left behind], longest first
  ['ations', 4],
  ['ation', 4],
  ['ating', 4],
  ['ated', 4],
  ['ates', 4],
  ['ingly', 4],
  ['ings', 4],
  ['ions', 4],
  ['ives', 4],
  ['ing', 3],
  ['ion', 4],
  ['ive', 4],
  ['ate', 4],
  ['edly', 4],
  ['ied', 3],
  ['ies', 3],
  ['ness', 4],
  ['er', 5],
  ['ed', 3],
  ['ly', 5],
  ['es', 4],
  ['s', 3],
];

/**
 * A deliberately light stemmer: enough that "ending", "ends" and "ended" meet at "end",
 * never so aggressive that unrelated words collide.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let base = stripSuffix(word);
  // "defensiveness" -> "defensive" -> "defens", meeting "defensive"
  if (base !== word && (word.endsWith('ness') || word.endsWith('ly'))) base = stripSuffix(base);
  // "prepare" and "preparing" meet at "prepar"
  if (base.length > 4 && base.endsWith('e')) base = base.slice(0, -1);
  return base;
}

function stripSuffix(word: string): string {
  for (const [suffix, minStem] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      // "class", "stress" keep their s
      if (suffix === 's' && word.endsWith('ss')) return word;
      let base = word.slice(0, word.length - suffix.length);
      if (suffix === 'ied' || suffix === 'ies') base += 'y';
      // "stopping" -> "stopp" -> "stop"; "killing" stays "kill"
      else if (base.length > 3 && base[base.length - 1] === base[base.length - 2] && !/[lsz]/.test(base[base.length - 1]!)) {
        base = base.slice(0, -1);
      }
      return base;
    }
  }
  return word;
}

/**
 * Damerau-Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then).
 * Used only for short words, so the quadratic table is small.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1]!;
}
