import type { SafetyTerms } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';
import { createPhraseSet } from './phraseSet';

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

/** Crisis signals needed together when no crisis phrase matches on its own. */
const SIGNALS_FOR_CRISIS = 2;
/** How many words an intent may stand before the harm it reaches. */
const INTENT_TO_HARM = 7;
/** "my meds", "my current medication": a possessive this close before a context term makes it personal. */
const POSSESSIVES = new Set(['my', 'mine']);
const POSSESSIVE_REACH = 2;

export function createSafetyGuard(terms: SafetyTerms, reader: TextReader, knownWords: ReadonlySet<string>, stopwords: ReadonlySet<string>): SafetyGuard {
  // Typos are read in crisis words and medication names, where missing one costs most; the
  // general eligibility words match exactly, so "paper" never reads as "taper".
  // Six letters and up: "doing" must never read as "dying".
  const crisisOptions = { maxGap: 2, negatable: true, knownWords, typoMinLength: 6 };
  const exact = { maxGap: 1, negatable: false, knownWords, typoMinLength: 0 };
  const crisisPhrases = createPhraseSet(terms.crisis.phrases, reader, crisisOptions);
  const crisisSignals = createPhraseSet(terms.crisis.signals, reader, crisisOptions);
  const crisisIntents = createPhraseSet(terms.crisis.intents, reader, crisisOptions);
  const crisisHarms = createPhraseSet(terms.crisis.harms, reader, { ...crisisOptions, negatable: false });
  const crisisExceptions = createPhraseSet(terms.crisis.exceptions, reader, { ...crisisOptions, negatable: false, typoMinLength: 0 });
  const crisisPatterns = compilePatterns(terms.crisis.patterns);
  const e = terms.eligibility;
  const eligibilityPhrases = createPhraseSet(e.phrases, reader, exact);
  const medications = createPhraseSet(e.medications, reader, { ...exact, typoMinLength: 6 });
  const candidacy = createPhraseSet(e.candidacy, reader, exact);
  const contextTerms = createPhraseSet(e.contextTerms, reader, exact);
  const personalCues = createPhraseSet(e.personalCues, reader, { ...exact, maxGap: 0 });
  const exceptions = createPhraseSet(e.exceptions, reader, exact);
  const eligibilityPatterns = compilePatterns(e.patterns);

  const crisis = (text: PreparedText): string | null => {
    const direct = crisisPhrases.find(text) ?? firstPattern(crisisPatterns, text);
    if (direct) return direct;
    // The quieter rules below yield to everyday idioms and questions about the session itself
    // ("what if I feel like I'm dying during the session?"); the phrases above never do.
    if (crisisExceptions.find(text)) return null;
    // "I want it all to end", "how many pills does it take to die": an intent, then a harm close after.
    const harms = crisisHarms.findAll(text);
    if (harms.length > 0) {
      for (const intent of crisisIntents.findAll(text)) {
        const harm = harms.find((h) => h.start > intent.start && h.start - intent.start <= INTENT_TO_HARM);
        if (harm) return `${intent.phrase} … ${harm.phrase}`;
      }
    }
    // Two signals must stand at different places: "what's the point" is one sign, however many phrases read it.
    const signals = crisisSignals.findAll(text).filter((s, i, all) => all.findIndex((o) => Math.abs(o.start - s.start) <= 1) === i);
    return signals.length >= SIGNALS_FOR_CRISIS ? signals.map((s) => s.phrase).join(' + ') : null;
  };

  const possessive = (text: PreparedText, start: number) => {
    for (let p = start - 1; p >= Math.max(0, start - POSSESSIVE_REACH); p--) if (POSSESSIVES.has(text.tokens[p]!)) return true;
    return false;
  };

  return {
    check(text) {
      const crisisTrigger = crisis(text);
      if (crisisTrigger) return { kind: 'crisis', trigger: crisisTrigger };

      const direct = eligibilityPhrases.find(text) ?? firstPattern(eligibilityPatterns, text);
      if (direct) return { kind: 'eligibility', trigger: direct };
      const medication = medications.find(text);
      if (medication) return { kind: 'eligibility', trigger: 'medication: ' + medication };

      const candidate = candidacy.find(text);
      const contexts = contextTerms.findAll(text);
      if ((candidate || contexts.length > 0) && !exceptions.find(text)) {
        if (candidate) return { kind: 'eligibility', trigger: candidate };
        const mine = contexts.find((c) => possessive(text, c.start));
        if (mine) return { kind: 'eligibility', trigger: `my ${mine.phrase}` };
        const cue = personalCues.find(text);
        if (cue) return { kind: 'eligibility', trigger: `${contexts[0]!.phrase} + ${cue}` };
        // "meds?", "ssri and ketamine": little more than the medical word itself
        const words = text.tokens.filter((t) => !stopwords.has(t) && !SUBJECT_WORDS.has(t)).length;
        if (words <= SHORT_QUESTION_WORDS) return { kind: 'eligibility', trigger: contexts[0]!.phrase };
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
