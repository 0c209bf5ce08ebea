import type { SafetyTerms } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';
import { createPhraseSet, type PhraseSet } from './phraseSet';

/** What the guard decided about a question, before any matching happens. */
export type SafetyVerdict =
  | { kind: 'crisis'; trigger: string }
  | { kind: 'eligibility'; trigger: string }
  | { kind: 'none' };

/**
 * The one place that decides whether a question is crisis language or a medical-eligibility
 * question. Every reply path of the conversation calls {@link SafetyGuard.check} first.
 */
export interface SafetyGuard {
  check(text: PreparedText): SafetyVerdict;
}

/** Short questions that are little more than a medical word ("meds?", "my pills") count as eligibility. */
const SHORT_QUESTION_WORDS = 1;
const SUBJECT_WORDS = new Set(['ketamine', 'kap', 'therapy', 'treatment']);

export function createSafetyGuard(terms: SafetyTerms, reader: TextReader, knownWords: ReadonlySet<string>, stopwords: ReadonlySet<string>): SafetyGuard {
  const crisisPhrases = createPhraseSet(terms.crisis.phrases, reader, { maxGap: 2, negatable: true, knownWords });
  const crisisPatterns = compilePatterns(terms.crisis.patterns);
  const strict = { maxGap: 1, negatable: false, knownWords };
  const e = terms.eligibility;
  const eligibilityPhrases = createPhraseSet(e.phrases, reader, strict);
  const medications = createPhraseSet(e.medications, reader, strict);
  const candidacy = createPhraseSet(e.candidacy, reader, strict);
  const contextTerms = createPhraseSet(e.contextTerms, reader, strict);
  const personalCues = createPhraseSet(e.personalCues, reader, { ...strict, maxGap: 0 });
  const exceptions = createPhraseSet(e.exceptions, reader, strict);
  const eligibilityPatterns = compilePatterns(e.patterns);

  return {
    check(text) {
      const crisis = crisisPhrases.find(text) ?? firstPattern(crisisPatterns, text);
      if (crisis) return { kind: 'crisis', trigger: crisis };

      const direct = eligibilityPhrases.find(text) ?? firstPattern(eligibilityPatterns, text);
      if (direct) return { kind: 'eligibility', trigger: direct };
      const medication = medications.find(text);
      if (medication) return { kind: 'eligibility', trigger: 'medication: ' + medication };

      const candidate = candidacy.find(text);
      const context = contextTerms.find(text);
      if ((candidate || context) && !exceptions.find(text)) {
        if (candidate) return { kind: 'eligibility', trigger: candidate };
        const cue = personalCues.find(text);
        if (cue) return { kind: 'eligibility', trigger: `${context} + ${cue}` };
        // "meds?", "ssri and ketamine": little more than the medical word itself
        const words = text.tokens.filter((t) => !stopwords.has(t) && !SUBJECT_WORDS.has(t)).length;
        if (words <= SHORT_QUESTION_WORDS) return { kind: 'eligibility', trigger: context! };
      }
      return { kind: 'none' };
    },
  };
}

interface CompiledPattern {
  source: string;
  regex: RegExp;
}

function compilePatterns(patterns: readonly string[] | undefined): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  for (const source of patterns ?? []) {
    // The validator reports a pattern that does not compile; here it is simply skipped.
    try {
      out.push({ source, regex: new RegExp(source, 'u') });
    } catch {
      /* reported by validateKnowledge */
    }
  }
  return out;
}

function firstPattern(patterns: CompiledPattern[], text: PreparedText): string | null {
  for (const pattern of patterns) if (pattern.regex.test(text.joined)) return 'pattern: ' + pattern.source;
  return null;
}
