import Fuse from 'fuse.js/basic';
import type { FaqEntry } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';
import type { Canonicalizer } from './canonicalizer';
import { toPlainText } from '../text/richText';

/** One entry the question may be about, with the matcher's confidence from 0 to 1. */
export interface MatchCandidate {
  entryId: string;
  confidence: number;
}

/** Ranks the FAQ entries for a question. */
export interface Matcher {
  /** Candidates, best first; empty when nothing in the knowledge resembles the question. */
  match(text: PreparedText): MatchCandidate[];
  /** The terms a question is reduced to before matching, and whether the knowledge has each. */
  explain(text: PreparedText): Array<{ term: string; known: boolean }>;
}

interface EntryIndex {
  id: string;
  /** Terms of the question and of each alternate phrasing. */
  phrasings: Array<Set<string>>;
  /** Every term of the entry's questions and keywords. */
  all: Set<string>;
  /** Terms of the answer that the questions do not already have. */
  answer: Set<string>;
}

/** A question word found only in an entry's answer counts this much of a word found in its questions. */
const ANSWER_TERM_SHARE = 0.5;

/**
 * Weight of a question word the knowledge has never seen. It counts against every entry, so a
 * question about something the knowledge does not cover ("do you take Aetna?") finds no entry
 * confident, while a few unknown filler words do not sink an otherwise clear question.
 */
const UNKNOWN_TERM_WEIGHT = 1.1;
/** How far a typed word may be from a knowledge word and still be read as it (fuse.js score). */
const TYPO_THRESHOLD = 0.26;
const TYPO_MIN_LENGTH = 5;

/**
 * Matches questions against FAQ entries. fuse.js reads each unknown word as the closest word of the
 * knowledge ("intergation" → "integration"); entries are then scored by how much of the question
 * they explain (words weighted by rarity) and how closely one of their phrasings says the same.
 */
/** Weights of the score; fixed in production, exposed so the evaluation can measure alternatives. */
export interface MatcherTuning {
  unknownTermWeight: number;
  answerTermShare: number;
  /** Share of the score from coverage of the question; the rest comes from the closest phrasing. */
  coverageShare: number;
}

export const DEFAULT_TUNING: Readonly<MatcherTuning> = Object.freeze({
  unknownTermWeight: UNKNOWN_TERM_WEIGHT,
  answerTermShare: ANSWER_TERM_SHARE,
  coverageShare: 0.7,
});

export function createMatcher(
  entries: readonly FaqEntry[],
  reader: TextReader,
  canonicalizer: Canonicalizer,
  knownWords: ReadonlySet<string>,
  tuning: MatcherTuning = DEFAULT_TUNING,
): Matcher {
  const termsOf = (raw: string) => canonicalizer.terms(reader.prepare(raw).tokens);
  const index: EntryIndex[] = entries.map((entry) => {
    const phrasings = [entry.question, ...entry.alternates].map((p) => new Set(termsOf(p)));
    const all = new Set<string>();
    for (const p of phrasings) for (const t of p) all.add(t);
    for (const keyword of entry.keywords ?? []) for (const t of termsOf(keyword)) all.add(t);
    const answer = new Set(termsOf(toPlainText(entry.answer)).filter((t) => !all.has(t)));
    return { id: entry.id, phrasings, all, answer };
  });

  // Rarer terms weigh more. Frequencies come from questions and keywords; a term found only in
  // answers takes its frequency among answers.
  const questionFrequency = new Map<string, number>();
  const answerFrequency = new Map<string, number>();
  for (const entry of index) {
    for (const t of entry.all) questionFrequency.set(t, (questionFrequency.get(t) ?? 0) + 1);
    for (const t of entry.answer) answerFrequency.set(t, (answerFrequency.get(t) ?? 0) + 1);
  }
  const entryCount = Math.max(1, index.length);
  const weight = (term: string) =>
    Math.log(1 + entryCount / (questionFrequency.get(term) ?? answerFrequency.get(term) ?? entryCount));

  // Every word the knowledge uses, for reading typos: "interal" → "internal", "intergation" → "integration".
  const words = new Set<string>();
  const addWords = (raw: string) => {
    for (const t of reader.prepare(raw).tokens) words.add(t);
  };
  for (const entry of entries) {
    [entry.question, entry.answer, ...entry.alternates, ...(entry.keywords ?? [])].forEach(addWords);
  }
  canonicalizer.vocabulary().forEach(addWords);
  // Typos rarely change the first letter; one fuse.js index per letter keeps "town" from
  // becoming "down" and keeps each look-up small.
  const byLetter = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < TYPO_MIN_LENGTH) continue;
    const list = byLetter.get(w[0]!) ?? [];
    list.push(w);
    byLetter.set(w[0]!, list);
  }
  const fuzzy = new Map<string, Fuse<string>>();
  for (const [letter, list] of byLetter) {
    fuzzy.set(letter, new Fuse(list, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true }));
  }
  const corrections = new Map<string, string>();
  const correct = (token: string): string => {
    if (token.length < TYPO_MIN_LENGTH || words.has(token) || knownWords.has(token) || /\d/.test(token)) return token;
    let fixed = corrections.get(token);
    if (fixed === undefined) {
      const best = fuzzy.get(token[0]!)?.search(token, { limit: 3 }).find((r) => Math.abs(r.item.length - token.length) <= 2);
      fixed = best ? best.item : token;
      if (corrections.size > 5000) corrections.clear();
      corrections.set(token, fixed);
    }
    return fixed;
  };
  const queryTerms = (text: PreparedText) => canonicalizer.terms(text.tokens.map(correct));
  const known = (term: string) => questionFrequency.has(term) || answerFrequency.has(term);

  const phrasingWeight = (p: Set<string>) => {
    let sum = 0;
    for (const t of p) sum += weight(t);
    return sum;
  };
  const phrasingWeights = index.map((entry) => entry.phrasings.map(phrasingWeight));

  /** term → the entries that have it: in their questions and keywords, or only in their answer. */
  const postings = new Map<string, Array<{ entry: number; inQuestions: boolean; phrasings: number[] }>>();
  index.forEach((entry, i) => {
    for (const term of new Set([...entry.all, ...entry.answer])) {
      const phrasings: number[] = [];
      entry.phrasings.forEach((p, k) => p.has(term) && phrasings.push(k));
      const list = postings.get(term) ?? [];
      list.push({ entry: i, inQuestions: entry.all.has(term), phrasings });
      postings.set(term, list);
    }
  });

  return {
    explain(text) {
      return queryTerms(text).map((term) => ({ term, known: known(term) }));
    },
    match(text) {
      const terms = [...new Set(queryTerms(text))];
      if (terms.length === 0) return [];
      const query: Array<{ term: string; weight: number }> = [];
      let queryWeight = 0;
      for (const term of terms) {
        const w = known(term) ? weight(term) : tuning.unknownTermWeight;
        queryWeight += w;
        if (known(term)) query.push({ term, weight: w });
      }
      if (query.length === 0) return [];

      // Only entries sharing a term with the question are scored (inverted index).
      const covered = new Map<number, number>();
      const overlaps = new Map<number, Map<number, number>>();
      for (const q of query) {
        for (const posting of postings.get(q.term) ?? []) {
          const share = posting.inQuestions ? 1 : tuning.answerTermShare;
          covered.set(posting.entry, (covered.get(posting.entry) ?? 0) + share * q.weight);
          if (posting.phrasings.length === 0) continue;
          let byPhrasing = overlaps.get(posting.entry);
          if (!byPhrasing) overlaps.set(posting.entry, (byPhrasing = new Map()));
          for (const k of posting.phrasings) byPhrasing.set(k, (byPhrasing.get(k) ?? 0) + q.weight);
        }
      }
      const candidates: MatchCandidate[] = [];
      for (const [i, cover] of covered) {
        let closest = 0;
        for (const [k, overlap] of overlaps.get(i) ?? []) {
          const similarity = overlap / Math.sqrt(queryWeight * Math.max(phrasingWeights[i]![k]!, 1e-9));
          if (similarity > closest) closest = similarity;
        }
        const coverage = cover / queryWeight;
        candidates.push({ entryId: index[i]!.id, confidence: Math.min(1, tuning.coverageShare * coverage + (1 - tuning.coverageShare) * closest) });
      }
      return candidates.sort((a, b) => b.confidence - a.confidence);
    },
  };
}
