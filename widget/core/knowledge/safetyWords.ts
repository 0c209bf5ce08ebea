import type { Knowledge } from '../types';
import * as say from './errorMessages';
import { placeName } from './placeName';
import type { Problem } from './validateKnowledge';

/** The lists of safety words a practice may extend, in the order the playground shows them. */
export const SAFETY_WORD_LISTS = Object.freeze([
  { group: 'eligibility', list: 'medications' },
  { group: 'crisis', list: 'phrases' },
  { group: 'crisis', list: 'signals' },
  { group: 'crisis', list: 'intents' },
  { group: 'crisis', list: 'harms' },
  { group: 'crisis', list: 'exceptions' },
  { group: 'crisis', list: 'riskWords' },
  { group: 'crisis', list: 'pastMarkers' },
  { group: 'crisis', list: 'presentMarkers' },
  { group: 'eligibility', list: 'phrases' },
  { group: 'eligibility', list: 'candidacy' },
  { group: 'eligibility', list: 'contextTerms' },
  { group: 'eligibility', list: 'personalCues' },
  { group: 'eligibility', list: 'exceptions' },
] as const);

export type SafetyWordList = (typeof SAFETY_WORD_LISTS)[number];

/** The words of one safety list, or an empty list when the document lacks it. */
export function safetyWords(doc: unknown, { group, list }: SafetyWordList): string[] {
  const value = (doc as { safety?: Record<string, Record<string, unknown> | undefined> } | null)?.safety?.[group]?.[list];
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
}

/**
 * Safety words of `base` that `doc` no longer has, one error per list. A published file cannot
 * remove them (it is merged over the built-in words); a complete file edited by hand can, and this
 * says so before it is published.
 *
 * @example
 * removedSafetyWords(edited, defaultKnowledge); // → [{ severity: 'error', path: 'safety.eligibility.medications', message: 'a built-in safety word was removed: "zoloft"', … }]
 */
export function removedSafetyWords(doc: unknown, base: Knowledge): Problem[] {
  const problems: Problem[] = [];
  for (const entry of SAFETY_WORD_LISTS) {
    const present = new Set(safetyWords(doc, entry));
    const missing = safetyWords(base, entry).filter((word) => !present.has(word));
    if (missing.length === 0) continue;
    const path = `safety.${entry.group}.${entry.list}`;
    problems.push({ severity: 'error', path, place: placeName(path, doc), ...say.safetyWordsRemoved(missing) });
  }
  return problems;
}
