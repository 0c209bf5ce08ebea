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
  /** The terms a question is reduced to before matching, each with the knowledge term it was read as. */
  explain(text: PreparedText): Array<{ term: string; readAs: string | null }>;
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
const TYPO_MIN_LENGTH = 4;

/**
 * Matches questions against FAQ entries. fuse.js reads each unknown word as the closest word of the
 * knowledge ("intergation" → "integration"); entries are then scored by how much of the question
 * they explain (words weighted by rarity) and how closely one of their phrasings says the same.
 */
export function createMatcher(entries: readonly FaqEntry[], reader: TextReader, canonicalizer: Canonicalizer, knownWords: ReadonlySet<string>): Matcher {
  const termsOf = (raw: string) => canonicalizer.terms(reader.prepare(raw).tokens);
  const index: EntryIndex[] = entries.map((entry) => {
    const phrasings = [entry.question, ...entry.alternates].map((p) => new Set(termsOf(p)));
    const all = new Set<string>();
    for (const p of phrasings) for (const t of p) all.add(t);
    for (const keyword of entry.keywords ?? []) for (const t of termsOf(keyword)) all.add(t);
    const answer = new Set(termsOf(toPlainText(entry.answer)).filter((t) => !all.has(t)));
    return { id: entry.id, phrasings, all, answer };
  });

  const documentFrequency = new Map<string, number>();
  for (const entry of index) for (const t of new Set([...entry.all, ...entry.answer])) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const entryCount = Math.max(1, index.length);
  const weight = (term: string) => Math.log(1 + entryCount / (documentFrequency.get(term) ?? entryCount));
  const vocabulary = [...documentFrequency.keys()];
  const fuzzy = new Fuse(vocabulary, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true });

  const readCache = new Map<string, { term: string; similarity: number } | null>();
  const read = (term: string) => {
    if (documentFrequency.has(term)) return { term, similarity: 1 };
    if (readCache.has(term)) return readCache.get(term)!;
    let found: { term: string; similarity: number } | null = null;
    if (term.length >= TYPO_MIN_LENGTH && !knownWords.has(term) && !/\d/.test(term)) {
      const best = fuzzy.search(term, { limit: 3 }).find((r) => Math.abs(r.item.length - term.length) <= 2);
      if (best) found = { term: best.item, similarity: 1 - (best.score ?? 1) };
    }
    if (readCache.size > 5000) readCache.clear();
    readCache.set(term, found);
    return found;
  };

  const phrasingWeight = (p: Set<string>) => {
    let sum = 0;
    for (const t of p) sum += weight(t);
    return sum;
  };
  const phrasingWeights = index.map((entry) => entry.phrasings.map(phrasingWeight));

  return {
    explain(text) {
      return canonicalizer.terms(text.tokens).map((term) => ({ term, readAs: read(term)?.term ?? null }));
    },
    match(text) {
      const terms = [...new Set(canonicalizer.terms(text.tokens))];
      if (terms.length === 0) return [];
      const query: Array<{ term: string; weight: number; similarity: number }> = [];
      let queryWeight = 0;
      for (const term of terms) {
        const r = read(term);
        const w = r ? weight(r.term) : UNKNOWN_TERM_WEIGHT;
        queryWeight += w;
        if (r) query.push({ term: r.term, weight: w, similarity: r.similarity });
      }
      if (query.length === 0) return [];

      const candidates: MatchCandidate[] = [];
      index.forEach((entry, i) => {
        let covered = 0;
        for (const q of query) {
          if (entry.all.has(q.term)) covered += q.weight * q.similarity;
          else if (entry.answer.has(q.term)) covered += ANSWER_TERM_SHARE * q.weight * q.similarity;
        }
        if (covered === 0) return;
        let closest = 0;
        entry.phrasings.forEach((p, k) => {
          let overlap = 0;
          for (const q of query) if (p.has(q.term)) overlap += q.weight * q.similarity;
          if (overlap === 0) return;
          const similarity = overlap / Math.sqrt(queryWeight * Math.max(phrasingWeights[i]![k]!, 1e-9));
          if (similarity > closest) closest = similarity;
        });
        const coverage = covered / queryWeight;
        candidates.push({ entryId: entry.id, confidence: Math.min(1, 0.5 * coverage + 0.5 * closest) });
      });
      return candidates.sort((a, b) => b.confidence - a.confidence);
    },
  };
}
