import Fuse from 'fuse.js/basic';
import type { FaqEntry } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';
import type { Canonicalizer } from './canonicalizer';
import { toPlainText } from '../text/richText';
import { editDistance, stem } from '../text/normalize';

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
  /** Terms of the keywords. */
  keywords: Set<string>;
  /** Terms of the answer that the questions do not already have. */
  answer: Set<string>;
}

/** A question word found only in an entry's answer counts this much of a word found in its questions. */
const ANSWER_TERM_SHARE = 0.5;
/** Share of a term used by a single phrasing of an entry; a term used by half its phrasings counts fully. */
const CENTRALITY_FLOOR = 0.7;

/**
 * Weight of a question word the knowledge has never seen. It counts against every entry, so a
 * question about something the knowledge does not cover ("do you take Aetna?") finds no entry
 * confident, while a few unknown filler words do not sink an otherwise clear question.
 */
const UNKNOWN_TERM_WEIGHT = 1.1;
/** The most that unknown words together weigh. */
const UNKNOWN_WEIGHT_CAP = 3.3;
const SENTENCE_END = /[.?!;\n]+/;
const MAX_SENTENCES = 6;
/** A sentence's match counts a little less than the whole message's. */
const SENTENCE_DISCOUNT = 0.92;
/** How far a typed word may be from a knowledge word and still be read as it (fuse.js score). */
const TYPO_THRESHOLD = 0.26;
/** Shorter words are too often other real words ("state" is not a typo of "stage"). */
const TYPO_MIN_LENGTH = 6;

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
  /** The most that unknown words together weigh. */
  unknownWeightCap: number;
  /** Share of a term used by a single phrasing of an entry. */
  centralityFloor: number;
  /** What a sentence's match counts against the whole message's. */
  sentenceDiscount: number;
}

export const DEFAULT_TUNING: Readonly<MatcherTuning> = Object.freeze({
  unknownTermWeight: UNKNOWN_TERM_WEIGHT,
  answerTermShare: ANSWER_TERM_SHARE,
  coverageShare: 0.7,
  unknownWeightCap: UNKNOWN_WEIGHT_CAP,
  centralityFloor: CENTRALITY_FLOOR,
  sentenceDiscount: SENTENCE_DISCOUNT,
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
    const keywords = new Set((entry.keywords ?? []).flatMap(termsOf));
    for (const t of keywords) all.add(t);
    const answer = new Set(termsOf(toPlainText(entry.answer)).filter((t) => !all.has(t)));
    return { id: entry.id, phrasings, all, keywords, answer };
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
  // Built on demand: most questions need typo reading for a letter or two, if any.
  const fuzzy = new Map<string, Fuse<string>>();
  const fuzzyFor = (letter: string) => {
    let fuse = fuzzy.get(letter);
    const list = byLetter.get(letter);
    if (!fuse && list) fuzzy.set(letter, (fuse = new Fuse(list, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true })));
    return fuse;
  };
  const corrections = new Map<string, string>();
  const stems = new Set([...words].map(stem));
  const correct = (token: string): string => {
    if (token.length < TYPO_MIN_LENGTH || words.has(token) || stems.has(stem(token)) || knownWords.has(token) || /\d/.test(token)) return token;
    let fixed = corrections.get(token);
    if (fixed === undefined) {
      // fuse.js finds the candidates; an edit-distance bound keeps "decide" from becoming "decades".
      const allowed = token.length >= 8 ? 2 : 1;
      const best = fuzzyFor(token[0]!)?.search(token, { limit: 5 }).find((r) => editDistance(token, r.item, allowed) <= allowed);
      fixed = best ? best.item : token;
      if (corrections.size > 5000) corrections.clear();
      corrections.set(token, fixed);
    }
    return fixed;
  };
  // One reply asks for a question's terms up to three times (context, out-of-scope check, scoring);
  // they are worked out once per prepared text.
  const termsByText = new WeakMap<PreparedText, string[]>();
  const queryTerms = (text: PreparedText) => {
    let terms = termsByText.get(text);
    if (!terms) termsByText.set(text, (terms = canonicalizer.terms(text.tokens.map(correct))));
    return terms;
  };
  const known = (term: string) => questionFrequency.has(term) || answerFrequency.has(term);

  const phrasingWeight = (p: Set<string>) => {
    let sum = 0;
    for (const t of p) sum += weight(t);
    return sum;
  };
  const phrasingWeights = index.map((entry) => entry.phrasings.map(phrasingWeight));

  /** term → the entries that have it: in their questions and keywords, or only in their answer. */
  // A term's share of an entry: full weight when most of the entry's phrasings use it, less when
  // one stray alternate does, half of that again when only the answer has it.
  const postings = new Map<string, Array<{ entry: number; share: number; phrasings: number[] }>>();
  index.forEach((entry, i) => {
    for (const term of new Set([...entry.all, ...entry.answer])) {
      const phrasings: number[] = [];
      entry.phrasings.forEach((p, k) => p.has(term) && phrasings.push(k));
      const uses = phrasings.length + (entry.keywords.has(term) ? 1 : 0);
      const centrality = tuning.centralityFloor + (1 - tuning.centralityFloor) * Math.min(1, uses / Math.max(1, (entry.phrasings.length + 1) / 2));
      const share = entry.all.has(term) ? centrality : tuning.answerTermShare * tuning.centralityFloor;
      const list = postings.get(term) ?? [];
      list.push({ entry: i, share, phrasings });
      postings.set(term, list);
    }
  });

  return {
    explain(text) {
      return queryTerms(text).map((term) => ({ term, known: known(term) }));
    },
    match(text) {
      // A long message is also read sentence by sentence: the question often sits in one of them.
      const sentences = text.raw.length > 60 ? text.raw.split(SENTENCE_END).filter((x) => x.trim().length > 0) : [];
      const best = new Map<string, number>();
      const parts = sentences.length > 1 ? sentences.slice(0, MAX_SENTENCES).map((x) => reader.prepare(x)) : [];
      for (const c of scoreText(text)) best.set(c.entryId, c.confidence);
      for (const part of parts) {
        // A sentence of one or two words ("does that happen?") says too little on its own.
        if (queryTerms(part).length < 2) continue;
        for (const c of scoreText(part)) {
          const confidence = c.confidence * tuning.sentenceDiscount;
          if (confidence > (best.get(c.entryId) ?? 0)) best.set(c.entryId, confidence);
        }
      }
      return [...best].map(([entryId, confidence]) => ({ entryId, confidence })).sort((a, b) => b.confidence - a.confidence);
    },
  };

  function scoreText(text: PreparedText): MatchCandidate[] {
      const terms = [...new Set(queryTerms(text))];
      if (terms.length === 0) return [];
      const query: Array<{ term: string; weight: number }> = [];
      let knownWeight = 0;
      let unknownWeight = 0;
      for (const term of terms) {
        if (known(term)) {
          const w = weight(term);
          knownWeight += w;
          query.push({ term, weight: w });
        } else unknownWeight += tuning.unknownTermWeight;
      }
      if (query.length === 0) return [];
      // Unknown words count against every entry, but only up to a point: a long, chatty message
      // should not drown its question.
      const queryWeight = knownWeight + Math.min(unknownWeight, tuning.unknownWeightCap);

      // Only entries sharing a term with the question are scored (inverted index).
      const covered = new Map<number, number>();
      const overlaps = new Map<number, Map<number, number>>();
      for (const q of query) {
        for (const posting of postings.get(q.term) ?? []) {
          covered.set(posting.entry, (covered.get(posting.entry) ?? 0) + posting.share * q.weight);
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
      return candidates;
  }
}
