import type { CrisisKind, SafetyTerms } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';
import { createWordTest, type Assessment, type SafetyClassifier } from './classifier';
import { createPhraseSet, type PhraseMatch } from './phraseSet';

/**
 * What the guard decided about a question, before any matching happens.
 * - `crisis`: emergency resources first, with the kind of crisis so the right help leads;
 * - `eligibility`: a personal medical question, never answered here;
 * - `support`: distress without danger;
 * - `none`, with `weak` when a risk signal was seen that is too weak for the crisis route
 *   (the reply then offers the resources in one line, and weak signals add up over turns), and
 *   `distress`: how surely the model reads distress below its support threshold (0 without the
 *   model), so that a message no entry answers can still be met with the support reply.
 */
export type SafetyVerdict =
  | { kind: 'crisis'; crisisKind: CrisisKind; trigger: string }
  | { kind: 'eligibility'; trigger: string; /** `model` when only the learned model read it so. */ source: 'rules' | 'model' }
  | { kind: 'support'; trigger: string }
  | { kind: 'none'; weak: boolean; distress: number };

/**
 * The one place that decides whether a question is crisis language or a medical-eligibility
 * question. Every reply path of the conversation calls {@link SafetyGuard.check} first.
 */
export interface SafetyGuard {
  check(text: PreparedText): SafetyVerdict;
}

/** Short questions that are little more than a medical word ("meds?", "my pills") count as eligibility. */
const SHORT_QUESTION_WORDS = 1;

/** Crisis signals needed together when no crisis phrase matches on its own. */
const SIGNALS_FOR_CRISIS = 2;
/** How many words an intent may stand before the harm it reaches. */
const INTENT_TO_HARM = 7;
/** "my meds", "my current medication": a possessive this close before a context term makes it personal. */
const POSSESSIVE_REACH = 2;
/** "I have … a heart condition": a personal cue counts for a context term this many words away at most, in the same clause. */
const CUE_REACH = 8;

/** A model reading of eligibility this high confirms that a lone medical word is about the visitor. */
const CORROBORATION = 0.2;
/** Beside an eligibility rule, a crisis reading must exceed the eligibility reading times this. */
const ELIGIBILITY_WEIGHT = 1;
const SENTENCE_ENDS = /[.!?;\n]+/;
const ARTICLES = new Set(['a', 'an', 'the']);
const FIRST_PERSON = new Set(['i', 'we']);
const THIRD_PERSON = new Set(['he', 'she', 'they']);
/** How far back the subject of a phrase is looked for ("I just really want to die"). */
const SUBJECT_REACH = 3;

/** Whether the nearest pronoun within a few words before `start` is the writer ("i just want…"), not someone else ("i think she wants…"). */
function writerIsSubject(text: PreparedText, start: number): boolean {
  for (let p = start - 1; p >= Math.max(0, start - SUBJECT_REACH); p--) {
    const word = text.tokens[p]!;
    if (FIRST_PERSON.has(word)) return true;
    if (THIRD_PERSON.has(word)) return false;
  }
  return false;
}
const percent = (x: number) => Math.round(x * 100) + '%';

export function createSafetyGuard(
  terms: SafetyTerms,
  reader: TextReader,
  knownWords: ReadonlySet<string>,
  stopwords: ReadonlySet<string>,
  classifier?: SafetyClassifier,
  /** For measurement only (`npm run eval -- --safety=rules`): one side alone. The widget uses both. */
  use: 'both' | 'rules' | 'model' = 'both',
): SafetyGuard {
  // Typos are read in crisis words and medication names, where missing one costs most; the
  // general eligibility words match exactly, so "paper" never reads as "taper".
  // Six letters and up: "doing" must never read as "dying".
  const crisisOptions = { maxGap: 2, negatable: true, knownWords, typoMinLength: 6 };
  const exact = { maxGap: 1, negatable: false, knownWords, typoMinLength: 0 };
  const crisisPhrases = createPhraseSet(terms.crisis.phrases, reader, crisisOptions);
  const crisisSignals = createPhraseSet(terms.crisis.signals, reader, crisisOptions);
  const crisisIntents = createPhraseSet(terms.crisis.intents, reader, crisisOptions);
  const crisisHarms = createPhraseSet(terms.crisis.harms, reader, { ...crisisOptions, negatable: false });
  // Idioms are fixed: an exception's words stand together ("to die for" is not "to die. thanks for").
  const crisisExceptions = createPhraseSet(terms.crisis.exceptions, reader, { ...crisisOptions, maxGap: 0, negatable: false, typoMinLength: 0 });
  const crisisPatterns = compilePatterns(terms.crisis.patterns);
  const exactWords = { ...crisisOptions, maxGap: 0, negatable: false, typoMinLength: 0 };
  const pastMarkers = createPhraseSet(terms.crisis.pastMarkers ?? [], reader, exactWords);
  const presentMarkers = createPhraseSet(terms.crisis.presentMarkers ?? [], reader, exactWords);
  const lethal = terms.crisis.lethality;
  const quantity = createPhraseSet(lethal?.quantity ?? [], reader, { ...crisisOptions, negatable: false });
  const outcome = createPhraseSet(lethal?.outcome ?? [], reader, { ...crisisOptions, negatable: false });
  const means = createPhraseSet(lethal?.means ?? [], reader, { ...crisisOptions, negatable: false });
  /** "How much of X would it take to not wake up": an amount, a lethal outcome and a means in one sentence. */
  const lethalQuestion = (text: PreparedText): string | null => {
    if (!lethal) return null;
    for (const sentence of text.raw.split(SENTENCE_ENDS).slice(0, 12)) {
      const part = reader.prepare(sentence);
      const q = quantity.find(part);
      const o = q && outcome.find(part);
      const m = o && (means.find(part) ?? medications.find(part));
      if (m) return `${q} + ${o} + ${m}`;
    }
    return null;
  };
  const crisisByKind = Object.entries(terms.crisis.byKind ?? {}).map(([kind, phrases]) => ({ kind: kind as CrisisKind, set: createPhraseSet(phrases ?? [], reader, crisisOptions) }));
  const e = terms.eligibility;
  const eligibilityPhrases = createPhraseSet(e.phrases, reader, exact);
  const medications = createPhraseSet(e.medications, reader, { ...exact, typoMinLength: 6 });
  const candidacy = createPhraseSet(e.candidacy, reader, exact);
  const contextTerms = createPhraseSet(e.contextTerms, reader, exact);
  const personalCues = createPhraseSet(e.personalCues, reader, { ...exact, maxGap: 0 });
  const exceptions = createPhraseSet(e.exceptions, reader, exact);
  const eligibilityPatterns = compilePatterns(e.patterns);
  const POSSESSIVES = new Set((e.possessives ?? []).flatMap((w) => reader.phraseTokens(w)));
  const SUBJECT_WORDS = new Set((e.subjectWords ?? []).flatMap((w) => reader.phraseTokens(w)));
  const GENERAL_SUBJECTS = new Set((e.generalSubjects ?? []).flatMap((w) => reader.phraseTokens(w)));

  /** The word positions a match stands on. */
  const positions = (m: { phrase: string; start: number }) => Array.from({ length: Math.max(1, reader.phraseTokens(m.phrase).length) }, (_, k) => m.start + k);
  /**
   * Word positions that an exception covers ("died by suicide", "dying to know"): its own words,
   * and the articles between them, which the phrase skips ("the experience" covers "experience").
   */
  const covered = (text: PreparedText): Set<number> => {
    const out = new Set<number>();
    for (const m of crisisExceptions.findAll(text)) {
      let words = Math.max(1, reader.phraseTokens(m.phrase).filter((w) => !ARTICLES.has(w)).length);
      for (let p = m.start; p < text.tokens.length && words > 0; p++) {
        out.add(p);
        if (!ARTICLES.has(text.tokens[p]!)) words--;
      }
    }
    return out;
  };
  /** The first match of a phrase set that no exception covers: an exception cancels only its own words. */
  const uncovered = (set: ReturnType<typeof createPhraseSet>, text: PreparedText, cover: Set<number>, skip?: (m: { start: number }) => boolean): Found | null => {
    // A phrase that shares a word with an idiom ("going to kill" in "my boss is going to kill me if…") is the idiom's.
    const matches = set.findAll(text).filter((m) => !positions(m).some((p) => cover.has(p)) && !skip?.(m));
    // A match of the words as written counts before one read through a typo.
    const best = matches.find((m) => !m.typo) ?? matches[0];
    return best ? { trigger: best.phrase, typo: best.typo } : null;
  };

  const crisis = (text: PreparedText): Found | null => {
    const pattern = firstPattern(crisisPatterns, text);
    const direct = uncovered(crisisPhrases, text, covered(text)) ?? (pattern ? { trigger: pattern, typo: false } : null);
    if (direct) return direct;
    // The quieter rules below yield to everyday idioms and questions about the session itself
    // ("what if I feel like I'm dying during the session?") anywhere in the message; the phrases
    // above yield only where an exception covers their own words ("my brother died by suicide").
    if (crisisExceptions.find(text)) return null;
    // "I want it all to end", "how many pills does it take to die": an intent, then a harm close after.
    const harms = crisisHarms.findAll(text);
    if (harms.length > 0) {
      for (const intent of crisisIntents.findAll(text)) {
        const harm = harms.find((h) => h.start > intent.start && h.start - intent.start <= INTENT_TO_HARM);
        if (harm) return { trigger: `${intent.phrase} … ${harm.phrase}`, typo: intent.typo || harm.typo };
      }
    }
    // Two signals must stand at different places: "what's the point" is one sign, however many phrases read it.
    // Signals whose words overlap are one sign; signals side by side ("🔪🩸": knife, blood) are two.
    const span = (m: { phrase: string; start: number }) => [m.start, m.start + Math.max(1, reader.phraseTokens(m.phrase).length)] as const;
    const overlap = (a: { phrase: string; start: number }, b: { phrase: string; start: number }) => span(a)[0] < span(b)[1] && span(b)[0] < span(a)[1];
    const signals = crisisSignals.findAll(text).filter((s, i, all) => all.findIndex((o) => overlap(o, s)) === i);
    return signals.length >= SIGNALS_FOR_CRISIS ? { trigger: signals.map((s) => s.phrase).join(' + '), typo: signals.some((s) => s.typo) } : null;
  };

  const possessive = (text: PreparedText, start: number) => {
    for (let p = start - 1; p >= Math.max(0, start - POSSESSIVE_REACH); p--) if (POSSESSIVES.has(text.tokens[p]!)) return true;
    return false;
  };

  /** Whether a medical word found at `start` is about the visitor: "my", a personal cue of `cues` close to it, the model's reading, or a question that is little more than the word. */
  const personal = (text: PreparedText, start: number, model: Assessment | null, cues: PhraseMatch[]): string | null => {
    if (possessive(text, start)) return 'my';
    const cue = cues.find((c) => Math.abs(c.start - start) <= CUE_REACH);
    if (cue) return cue.phrase;
    if (model && model.eligibility >= CORROBORATION) return `model ${percent(model.eligibility)}`;
    // "can you get addicted to it?" asks about people in general, "addicted?" may ask about oneself.
    if (text.tokens.some((t) => GENERAL_SUBJECTS.has(t))) return null;
    const words = text.tokens.filter((t) => !stopwords.has(t) && !SUBJECT_WORDS.has(t)).length;
    return words <= SHORT_QUESTION_WORDS ? 'short question' : null;
  };

  /**
   * An eligibility rule's trigger, and whether it is certain by itself (a listed phrase, a
   * medication, a candidacy phrase) or read from context (a medical word with a personal sign, an age).
   */
  const eligibility = (text: PreparedText, model: Assessment | null): { trigger: string; certain: boolean } | null => {
    const direct = eligibilityPhrases.find(text);
    if (direct) return { trigger: direct, certain: true };
    // A stated age ("I'm 60 and…") is eligibility when the message asks about doing this; the
    // model's reading tells a question about fit from someone telling their story.
    const pattern = firstPattern(eligibilityPatterns, text);
    if (pattern && (!model || model.eligibility >= CORROBORATION)) return { trigger: pattern, certain: false };
    const medication = medications.find(text);
    if (medication) return { trigger: 'medication: ' + medication, certain: true };

    const candidate = candidacy.find(text);
    const contexts = contextTerms.findAll(text);
    // An exception ("tried everything", "without meds", "the drug part") says the medical words are
    // not about the visitor's own eligibility: the context rules stand down for the message.
    if ((candidate || contexts.length > 0) && !exceptions.find(text)) {
      if (candidate) return { trigger: candidate, certain: true };
      // A medical word ("heart", "surgery", "weed") also stands in general questions and idioms:
      // it counts with a sign that the question is about the visitor.
      const cues = personalCues.findAll(text);
      for (const context of contexts) {
        const why = personal(text, context.start, model, cues);
        if (why) return { trigger: `${context.phrase} + ${why}`, certain: false };
      }
    }
    return null;
  };

  /** The kind of a crisis the rules found: the model's reading when it has one, else self-harm. */
  const risky = createWordTest(terms.crisis.riskWords ?? []);
  // Exceptions of two sorts: an idiom holds a risk word of its own ("dying to know", "hit me with"),
  // a frame holds none and says what the whole message is about ("during the session").
  const frames = createPhraseSet(
    terms.crisis.exceptions.filter((phrase) => !risky(phrase.replace(/\*/g, ''))),
    reader,
    { ...crisisOptions, maxGap: 0, negatable: false, typoMinLength: 0 },
  );

  /**
   * What the model's crisis reading is taken from, when it differs from the message: the message
   * without the words of its idioms ("I'm dying to get started" is about starting), and, when risk
   * stands only in the past, without the sentences that tell that history, as long as others remain
   * ("I attempted years ago and have been well since. Is IFS for perfectionism?"). Null: the message itself.
   */
  const viewForCrisis = (text: PreparedText, past: boolean, cover: ReadonlySet<number>): string | null => {
    if (!past && cover.size === 0) return null;
    const sentences = text.raw.split(SENTENCE_ENDS).filter((s) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(s));
    let changed = false;
    const kept: string[] = [];
    const history = past && sentences.length > 1;
    for (const sentence of sentences) {
      const part = reader.prepare(sentence);
      if (history && pastMarkers.find(part)) {
        changed = true;
        continue;
      }
      const cover = covered(part);
      if (cover.size === 0) kept.push(sentence);
      else {
        changed = true;
        kept.push(part.tokens.filter((_, i) => !cover.has(i)).join(' '));
      }
    }
    return changed ? kept.join('. ') : null;
  };
  const kindOf = (model: Assessment | null): CrisisKind => (model && model.crisis >= (classifier?.thresholds.weak ?? 1) ? model.crisisKind : 'self-harm');

  return {
    check(text) {
      const model = classifier && use !== 'rules' && text.tokens.length > 0 ? classifier.assess(text.raw) : null;
      const t = classifier?.thresholds;
      const rules = use !== 'model';
      // Risk language placed in the distant past ("I self-harmed as a teenager, I'm 38 now") is
      // history, not a crisis now, unless something brings it back ("and lately the urges are back").
      const past = rules && !!pastMarkers.find(text) && !presentMarkers.find(text);
      // A rule that fired only through a typo reading ("stranger" for "strangled") counts when the
      // model also reads risk; a rule about the past offers the resources in one line.
      const counts = (found: Found) => !past && (!found.typo || (!!model && !!t && model.crisis >= t.weak));
      let ruleSeen = false;
      // A phrase of one kind ("not breathing") names the help it needs; other crisis language takes the model's kind.
      const cover = rules ? covered(text) : new Set<number>();
      for (const { kind, set } of rules ? crisisByKind : []) {
        // "wants to die" names someone else, but its stems also read "I want to die": the writer's own words are not someone else's.
        const found = uncovered(set, text, cover, kind === 'someone-else' ? (m) => writerIsSubject(text, m.start) : undefined);
        if (found && counts(found)) return { kind: 'crisis', crisisKind: kind, trigger: `${kind}: ${found.trigger}${found.typo ? ' (typo)' : ''}` };
        ruleSeen ||= !!found;
      }
      const crisisFound = rules ? crisis(text) : null;
      if (crisisFound && counts(crisisFound)) return { kind: 'crisis', crisisKind: kindOf(model), trigger: crisisFound.trigger + (crisisFound.typo ? ' (typo)' : '') };
      ruleSeen ||= !!crisisFound;
      // A question about how much of a drug or how high a fall would be lethal: crisis, never an eligibility answer.
      const lethal = rules && !past ? lethalQuestion(text) : null;
      if (lethal) return { kind: 'crisis', crisisKind: model?.crisisKind === 'harm-to-others' ? 'harm-to-others' : 'self-harm', trigger: `lethality: ${lethal}` };
      // A question about the session ("during the session") tells the model's reading what the
      // risky words are about: the model alone then decides nothing. An idiom ("dying to know")
      // takes only its own words away: the model reads the rest of the message.
      const excepted = rules && !!frames.find(text);
      const crisisView = rules && model ? viewForCrisis(text, past, cover) : null;
      const now = crisisView === null ? model : crisisView.trim() ? classifier!.assess(crisisView) : null;
      const riskWord = !!now && now.crisis >= (t?.weak ?? 1) && risky(crisisView ?? text.raw) && !excepted;
      const eligible = rules ? eligibility(text, model) : null;
      // Crisis comes first. Beside an eligibility rule ("can I take it with lexapro") the model's
      // crisis reading must outweigh its own eligibility reading; a moderately sure reading with a
      // risk word counts beside a rule read from context ("my heart is racing after my dose"), not
      // beside a listed phrase or medication that makes the question certain ("I was addicted to pills").
      const outweighs = !eligible || (now?.crisis ?? 0) > (model?.eligibility ?? 0) * ELIGIBILITY_WEIGHT;
      const byRiskWord = riskWord && !past && (now?.crisis ?? 0) >= (t?.crisisWithRiskWord ?? 1);
      if (now && t && outweighs && !excepted && (now.crisis >= t.crisis || byRiskWord)) {
        return { kind: 'crisis', crisisKind: now.crisisKind, trigger: `model: ${now.crisisKind} ${percent(now.crisis)}${riskWord ? ' + risk word' : ''}${crisisView !== null ? ' (idioms and history set aside)' : ''}` };
      }

      if (eligible) return { kind: 'eligibility', trigger: eligible.trigger, source: 'rules' };
      if (model && t && model.eligibility >= t.eligibility) return { kind: 'eligibility', trigger: `model: eligibility ${percent(model.eligibility)}`, source: 'model' };

      if (model && t && model.support >= t.support) return { kind: 'support', trigger: `model: support ${percent(model.support)}` };
      return { kind: 'none', weak: riskWord || ruleSeen, distress: model?.support ?? 0 };
    },
  };
}

/** A rule's trigger, and whether it was found only through a typo reading. */
interface Found {
  trigger: string;
  typo: boolean;
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
