import { stem } from '../text/normalize';
import type { LanguageSettings } from '../types';
import type { TextReader } from '../text/preparedText';

/**
 * Turns words into the terms the matcher compares: stopwords dropped, synonyms folded onto one
 * canonical word ("internal family systems" → "ifs", "doctor" → "prescriber"), then stemmed.
 */
export interface Canonicalizer {
  terms(tokens: readonly string[]): string[];
  /** Every synonym phrase and canonical word, as written in the knowledge. */
  vocabulary(): string[];
}

export function createCanonicalizer(language: LanguageSettings, reader: TextReader): Canonicalizer {
  const stopwords = new Set(language.stopwords.flatMap((w) => reader.phraseTokens(w)));
  // Longest synonym first, so "ketamine assisted psychotherapy" wins over "ketamine".
  const rules: Array<{ words: string[]; canonical: string }> = [];
  for (const [canonical, others] of Object.entries(language.synonyms)) {
    const target = stem(reader.phraseTokens(canonical).join(''));
    for (const other of [canonical, ...others]) {
      const words = reader.phraseTokens(other).map(stem);
      // A one-word canonical needs no rule for itself.
      if (words.length > 1 || words[0] !== target) rules.push({ words, canonical: target });
    }
  }
  rules.sort((a, b) => b.words.length - a.words.length);
  const byFirst = new Map<string, typeof rules>();
  for (const rule of rules) {
    const list = byFirst.get(rule.words[0]!) ?? [];
    list.push(rule);
    byFirst.set(rule.words[0]!, list);
  }

  return {
    vocabulary: () => Object.entries(language.synonyms).flatMap(([canonical, others]) => [canonical, ...others]),
    terms(tokens) {
      const stems = tokens.map(stem);
      const out: string[] = [];
      for (let i = 0; i < stems.length; i++) {
        const candidates = byFirst.get(stems[i]!);
        const rule = candidates?.find((r) => r.words.every((w, k) => stems[i + k] === w));
        if (rule) {
          // A phrase mapped to a stopword is filler: "dying to know" says no more than "know".
          if (!stopwords.has(rule.canonical)) out.push(rule.canonical);
          i += rule.words.length - 1;
          continue;
        }
        if (!stopwords.has(tokens[i]!)) out.push(stems[i]!);
      }
      return out;
    },
  };
}
