import { createReplacer, foldText, MAX_INPUT_CHARS, stem, tokenize, type Replacer } from './normalize';
import type { LanguageSettings } from '../types';

/** A visitor's question read once, in the forms the safety guards and the matcher need. */
export interface PreparedText {
  /** The question as typed (cut to the engine's limit). */
  raw: string;
  /** Words after folding and replacements: "im on prozac n klonopin" → i, am, on, prozac, and, klonopin. */
  tokens: string[];
  /** The same words, stemmed. */
  stems: string[];
  /** `tokens` joined by single spaces, for regular-expression patterns. */
  joined: string;
}

/** Reads questions the same way for every part of the engine. Build once per knowledge. */
export interface TextReader {
  prepare(raw: string): PreparedText;
  /** Folds and replaces a phrase from the knowledge (a safety term, a synonym) exactly like a question. */
  phraseTokens(phrase: string): string[];
}

/** A letter typed three times or more is one letter drawn out: "hiii" is "hi", "pleeease" is "please". */
const DRAWN_OUT = /(\p{L})\1{2,}/gu;

export function createTextReader(language: LanguageSettings): TextReader {
  const replace: Replacer = createReplacer(language.replacements);
  // Replacements that are symbols, not words (👋 → hi), apply before folding would erase them.
  const symbols = Object.entries(language.replacements).filter(([from]) => from && !/[\p{L}\p{N}]/u.test(from));
  const withSymbols = (raw: string) => {
    let out = raw.slice(0, MAX_INPUT_CHARS);
    for (const [from, to] of symbols) if (out.includes(from)) out = out.split(from).join(' ' + to + ' ');
    return out;
  };
  const phraseTokens = (phrase: string) => replace(tokenize(foldText(withSymbols(phrase)).replace(DRAWN_OUT, '$1')));
  return {
    phraseTokens,
    prepare(raw) {
      const tokens = phraseTokens(raw);
      return { raw, tokens, stems: tokens.map(stem), joined: tokens.join(' ') };
    },
  };
}
