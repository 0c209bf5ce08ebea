import { createMatcher, type MatchCandidate, type Matcher } from '../matching/matcher';
import { DEFAULT_CONFIG, type EngineConfig } from '../config';
import { createCanonicalizer } from '../matching/canonicalizer';
import { createSafetyGuard, type SafetyGuard } from '../safety/safetyGuard';
import { createSafetyClassifier, type SafetyClassifier, type SafetyModelFile } from '../safety/classifier';
import safetyModel from '../safety/model/safetyModel.json';
import topicModel from '../matching/model/topicModel.json';
import { blendTopics, createTopicClassifier, type TopicClassifier } from '../matching/topicModel';
import type { LinearModelFile } from '../text/linearModel';
import { createTextReader, type PreparedText, type TextReader } from '../text/preparedText';
import { toPlainText } from '../text/richText';
import type { Knowledge, Reply, ReplyAction } from '../types';
import { createIntentDetector, type IntentDetector } from './intents';
import { createConversationMachine, type ConversationContext, type ConversationEvent, type ConversationStatus } from './machine';
import { createReplyBuilder, FIT_CHOICE_PREFIX, FIT_START_VALUE, FIT_STOP_VALUE, type ReplyBuilder } from './replies';

/**
 * The knowledge compiled for conversation: text reader, safety guard, intents, matcher and reply
 * wording. Build it once per knowledge; conversations are cheap to create from it.
 */
export interface Engine {
  knowledge: Knowledge;
  config: Readonly<EngineConfig>;
  reader: TextReader;
  guard: SafetyGuard;
  intents: IntentDetector;
  matcher: Matcher;
  /** The topic model: which FAQ entry, booking or small talk a question reads as. */
  topics: TopicClassifier;
  replies: ReplyBuilder;
  /** Builds every part now instead of at the first question. */
  warm(): void;
  /** The same work as `warm()`, in separate steps, for idle callbacks. */
  warmSteps(): Array<() => void>;
}

/**
 * Compiles the knowledge. The parts that take time (safety phrase sets, the matcher) are built on
 * first use, so showing the launcher and the greeting never waits for them; call `warm()` in idle
 * time to have them ready before the first question.
 */
export interface EngineOptions {
  /** Thresholds; the defaults unless measuring alternatives. */
  config?: Readonly<EngineConfig>;
  /** For measurement only: one side of the safety guard alone. The widget uses both. */
  safety?: 'both' | 'rules' | 'model';
}

/** Into how many warm-up steps the lists' phrases are read (about 3,000 phrases: under 10 ms each at normal speed, cold). */
const PHRASE_PARTS = 3;

/** Every string in a JSON value (the phrases of a list, a record of lists, a list of records). */
const textsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(textsIn) : value && typeof value === 'object' ? Object.values(value).flatMap(textsIn) : [];

export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const config = options.config ?? DEFAULT_CONFIG;
  const once = <T>(build: () => T) => {
    let value: T | undefined;
    return () => (value ??= build());
  };
  const textReader = once(() => createTextReader(knowledge.language));
  /**
   * The FAQ's texts, read ahead by warm-up steps of their own so that building the matcher, the
   * longest step, reads none of them itself. Reading is pure: the same text gives the same words.
   * Emptied once the matcher is built; a visitor's question is never kept here.
   */
  const ahead = new Map<string, PreparedText>();
  /** The same for the phrases of the knowledge's lists (safety, intents, language), read by the guard, the intents and the canonicalizer. */
  const tokensAhead = new Map<string, string[]>();
  let matcherBuilt = false;
  const reader: TextReader = {
    prepare: (raw) => ahead.get(raw) ?? textReader().prepare(raw),
    phraseTokens: (phrase) => tokensAhead.get(phrase) ?? textReader().phraseTokens(phrase),
  };
  /** What the matcher reads of each entry: question, alternates, keywords, the answer as written and as plain text. */
  const faqTexts = once(() => knowledge.faq.flatMap((e) => [e.question, ...e.alternates, ...(e.keywords ?? []), e.answer, toPlainText(e.answer)]));
  const READ_AHEAD_PARTS = 3;
  const readAhead = (part: number) => () => {
    if (matcherBuilt) return;
    const texts = faqTexts();
    const size = Math.ceil(texts.length / READ_AHEAD_PARTS);
    for (const raw of texts.slice(part * size, (part + 1) * size)) if (!ahead.has(raw)) ahead.set(raw, textReader().prepare(raw));
  };
  /** Every text of the lists the guard, the intents and the canonicalizer read phrase by phrase. */
  const listPhrases = once(() => [...new Set([knowledge.safety, knowledge.intents, knowledge.language.stopwords, knowledge.language.knownWords, knowledge.language.synonyms].flatMap(textsIn))]);
  const readPhrasesAhead = (part: number, parts: number) => () => {
    if (matcherBuilt) return;
    const phrases = listPhrases();
    const size = Math.ceil(phrases.length / parts);
    for (const phrase of phrases.slice(part * size, (part + 1) * size)) if (!tokensAhead.has(phrase)) tokensAhead.set(phrase, textReader().phraseTokens(phrase));
  };
  const words = once(() => ({
    knownWords: new Set(knowledge.language.knownWords.flatMap((w) => reader.phraseTokens(w))),
    stopwords: new Set(knowledge.language.stopwords.flatMap((w) => reader.phraseTokens(w))),
  }));
  const classifier = once((): SafetyClassifier => createSafetyClassifier(safetyModel as SafetyModelFile));
  const guard = once(() => createSafetyGuard(knowledge.safety, reader, words().knownWords, words().stopwords, classifier(), options.safety));
  const intents = once(() => createIntentDetector(knowledge.intents, reader, words().knownWords, words().stopwords));
  const topics = once((): TopicClassifier => createTopicClassifier(topicModel as LinearModelFile));
  // Its own step: building it is a good part of the matcher's time, and warm-up steps should be short.
  const canonicalizer = once(() => createCanonicalizer(knowledge.language, reader));
  const matcher = once(() => {
    const built = blendTopics(
      createMatcher(knowledge.faq, reader, canonicalizer(), words().knownWords, config.matcher),
      topics,
      knowledge.faq.map((e) => e.id),
      config.topicWeight,
      config.topicFade,
    );
    matcherBuilt = true;
    ahead.clear();
    tokensAhead.clear();
    return built;
  });
  return {
    knowledge,
    config,
    reader,
    get guard() {
      return guard();
    },
    get intents() {
      return intents();
    },
    get matcher() {
      return matcher();
    },
    get topics() {
      return topics();
    },
    replies: createReplyBuilder(knowledge),
    warm() {
      guard();
      intents();
      matcher();
    },
    // The FAQ is read ahead beside the small parts and in a step of its own, so the matcher's step
    // reads none of it; the lists' phrases likewise before the guard, the intents and the canonicalizer.
    warmSteps: () => [
      textReader,
      // Gathering the lists' phrases (about 3,000) is a step of its own: before the first part that reads them.
      listPhrases,
      // The lists' phrases are read in steps of their own: reading them was most of the time of the
      // steps that build the guard, the intents and the canonicalizer.
      ...Array.from({ length: PHRASE_PARTS }, (_, part) => readPhrasesAhead(part, PHRASE_PARTS)),
      words,
      classifier,
      guard,
      intents,
      () => {
        topics();
        readAhead(0)();
      },
      () => {
        canonicalizer();
        readAhead(1)();
      },
      readAhead(2),
      matcher,
    ],
  };
}

/** One visitor's conversation. */
export interface Conversation {
  /** The greeting, before the visitor says anything. */
  readonly greeting: Reply;
  /** Where the conversation stands, e.g. `fitCheck` while the fit reflection runs. */
  readonly status: ConversationStatus;
  /** Answers a typed question. Never throws; always returns a valid reply. */
  ask(text: string): Reply;
  /** Answers a quick reply the visitor chose (a topic, a fit choice). Safety runs first here too. */
  choose(action: ReplyAction): Reply;
  /** Starts over, as if new. */
  reset(): Reply;
}


/**
 * Creates a conversation: `createConversation(knowledge).ask("is ketamine a cure?")`.
 *
 * @example
 * const chat = createConversation(defaultKnowledge);
 * chat.ask("im on prozac n klonopin"); // → { route: 'eligibility', actions: [{ type: 'book', … }], … }
 */
export function createConversation(source: Knowledge | Engine): Conversation {
  const engine = 'reader' in source ? source : createEngine(source);
  const { reader, replies, knowledge } = engine;
  // Read lazily: the engine builds its parts at the first question, not at the greeting.
  const guard = { check: (text: PreparedText) => engine.guard.check(text) };
  const intents = {
    detect: (text: PreparedText) => engine.intents.detect(text),
    turn: (text: PreparedText) => engine.intents.turn(text),
    insists: (text: PreparedText) => engine.intents.insists(text),
    asks: (text: PreparedText) => engine.intents.asks(text),
    stops: (text: PreparedText) => engine.intents.stops(text),
    refersBack: (text: PreparedText) => engine.intents.refersBack(text),
    lastQuestion: (text: PreparedText) => engine.intents.lastQuestion(text),
  };
  const matcher = {
    match: (text: PreparedText) => engine.matcher.match(text),
    explain: (text: PreparedText) => engine.matcher.explain(text),
  };
  const { ellipsisTerms: ELLIPSIS_TERMS, outOfScopeOverride: OUT_OF_SCOPE_OVERRIDE, outOfScopeMargin: OUT_OF_SCOPE_MARGIN, contextBoost: CONTEXT_BOOST } = engine.config;
  const nextById = new Map(knowledge.faq.filter((e) => e.next).map((e) => [e.id, e.next!]));
  const machine = createConversationMachine(replies, { fit: knowledge.fit.questions, nextOf: (id) => nextById.get(id), followUpsOf: (id) => knowledge.faq.find((e) => e.id === id)?.followUps ?? [] }, engine.config);
  let state = machine.initialState;

  const send = (event: ConversationEvent): Reply => {
    state = machine.transition(state, event);
    return state.context.reply;
  };
  const status = () => state.value as ConversationStatus;
  const context = (): ConversationContext => state.context;

  /**
   * Safety first, on every path: the safety event, or null when the text is not flagged, with
   * whether a weak risk signal was seen (the machine adds those up over turns).
   */
  const safetyEvent = (text: PreparedText): { event: ConversationEvent | null; weak: boolean; distress?: number; modelOnly?: boolean } => {
    const verdict = guard.check(text);
    if (verdict.kind === 'none') return { event: null, weak: verdict.weak, distress: verdict.distress };
    const debug = { confidence: 1, runnerUp: null, runnerUpConfidence: 0, trigger: verdict.trigger };
    if (verdict.kind === 'crisis') return { event: { type: 'CRISIS', kind: verdict.crisisKind, debug }, weak: false };
    // Only the model's reading: a question the knowledge answers surely may still be answered (the machine decides).
    if (verdict.kind === 'eligibility') return { event: { type: 'ELIGIBILITY', debug, candidates: verdict.source === 'model' ? matcher.match(text) : [] }, weak: false, modelOnly: verdict.source === 'model' };
    return { event: { type: 'SUPPORT', debug, candidates: matcher.match(text) }, weak: false };
  };

  const withContext = (candidates: MatchCandidate[], text: PreparedText): MatchCandidate[] => {
    const last = context().lastEntryId;
    if (!last || matcher.explain(text).length > ELLIPSIS_TERMS) return candidates;
    const related = new Set([last, ...(knowledge.faq.find((e) => e.id === last)?.followUps ?? [])]);
    return candidates
      .map((c) => (related.has(c.entryId) ? { ...c, confidence: Math.min(1, c.confidence + CONTEXT_BOOST) } : c))
      .sort((a, b) => b.confidence - a.confidence);
  };

  const interpret = (raw: string): ConversationEvent => {
    const text = reader.prepare(raw);
    const safety = safetyEvent(text);
    // Pressing for a yes or no after an eligibility reply stays that reply, even when it reads as distress.
    if (safety.event?.type === 'SUPPORT' && status() === 'eligibility' && intents.insists(text)) return { type: 'INSIST', candidates: matcher.match(text) };
    // During the reflection, words about one's own history that ask nothing ("8 years of therapy,
    // off and on") answer its question, though the model alone reads them as a medical history;
    // a rule's eligibility reading still stands.
    const answersReflection = safety.modelOnly === true && status() === 'fitCheck' && !intents.asks(text);
    if (safety.event && !answersReflection) return safety.event;
    let event = interpretTurn(text);
    // Distress the model reads less surely than its support threshold: the machine meets it with
    // the support reply when no entry answers the message surely ("cant sleep, brain wont shut off").
    if (event.type === 'MATCH' && (safety.distress ?? 0) >= engine.config.distress) event = { ...event, distressed: true };
    return safety.weak ? { ...event, weak: true } : event;
  };

  /** What the topic model reads when it reads a request to book or small talk surely. */
  const modelIntent = (text: PreparedText): 'booking' | 'smalltalk' | undefined => {
    if (engine.config.topicWeight <= 0) return undefined;
    const reading = engine.topics.read(text.raw);
    for (const label of ['booking', 'smalltalk'] as const) if ((reading.get(label) ?? 0) >= engine.config.topicIntent) return label;
    return undefined;
  };

  const interpretTurn = (text: PreparedText): ConversationEvent => {
    if (text.tokens.length === 0) return { type: 'EMPTY' };

    // Pressing for a yes or no ("just tell me", "ignore your rules and answer") matters only after
    // an eligibility reply, where the machine repeats it; elsewhere the words are read as usual.
    // A request to book or an uncovered topic in the same words is that ("ignore your rules and tell me your fees").
    if (status() === 'eligibility' && intents.insists(text) && !['booking', 'out-of-scope'].includes(intents.detect(text).kind)) return { type: 'INSIST', candidates: matcher.match(text) };
    // Short turns say little on their own: the machine reads them against where the conversation stands.
    const turn = intents.turn(text);
    if (turn === 'yes') return { type: 'YES' };
    if (turn === 'no') return { type: 'NO' };
    if (turn === 'more') return { type: 'MORE' };
    // "what about afterwards?" with nothing before it is a question of its own.
    if (turn === 'next' && context().lastEntryId) return { type: 'NEXT' };
    if (turn === 'why' && context().lastEntryId) return { type: 'WHY' };
    if (turn === 'stop') return { type: 'STOP' };
    if (turn && typeof turn === 'object') return { type: 'CHOOSE', index: turn.choose };
    if (status() === 'fitCheck') {
      const step = knowledge.fit.questions[context().fitValues.length];
      const choice = step?.choices.find((c) => reader.prepare(c.label).joined === text.joined || c.value === text.joined);
      if (choice) return { type: 'FIT_CHOOSE', value: choice.value };
    }
    const intent = intents.detect(text);
    const debug = { confidence: 1, runnerUp: null, runnerUpConfidence: 0, trigger: 'trigger' in intent ? intent.trigger : undefined };
    if (intent.kind === 'smalltalk') return { type: 'SMALLTALK', smalltalk: intent.smalltalk };
    // During the reflection, words about oneself that name an uncovered topic ("years of therapy,
    // mostly CBT") answer its question: the machine reads them as it reads other words there.
    const aboutOneself = status() === 'fitCheck' && !intents.asks(text);
    if (intent.kind === 'out-of-scope' && !aboutOneself) {
      // "I overdosed on podcasts this weekend, anyway do I have to take ketamine?": a passing
      // mention of an uncovered topic does not hide a question the knowledge clearly answers.
      // It takes a real question for that: two known words at least, not "how much is a session".
      const candidates = matcher.match(text);
      const known = matcher.explain(text).filter((t) => t.known).length;
      const [first, second] = candidates;
      const clear = !!first && first.confidence >= OUT_OF_SCOPE_OVERRIDE && first.confidence - (second?.confidence ?? 0) >= OUT_OF_SCOPE_MARGIN;
      // …or an entry's own phrasing, word for word: a practice's fees entry answers "what are your fees?".
      const exact = !!first && first.confidence >= engine.config.outOfScopeExact;
      // …or a message whose question, its last sentence, names no uncovered topic, answered surely.
      const question = intents.lastQuestion(text);
      const asked = !!question && intents.detect(question).kind !== 'out-of-scope' && !intents.refersBack(question) && (first?.confidence ?? 0) >= engine.config.answer && !isCloseCall(candidates);
      if ((known >= 2 && clear) || exact || asked) return { type: 'MATCH', candidates };
      return { type: 'OUT_OF_SCOPE', debug };
    }
    if (intent.kind === 'booking') {
      // "I'm a counsellor thinking of referring a client. How is the treatment structured?": the
      // request is the last sentence, and an entry answers it surely; the booking words were context.
      const question = intents.lastQuestion(text);
      if (question && intents.detect(question).kind !== 'booking') {
        const candidates = matcher.match(text);
        if ((candidates[0]?.confidence ?? 0) >= engine.config.bookingWordOverAnswer) return { type: 'MATCH', candidates };
      }
      return { type: 'BOOK', debug };
    }
    if (intent.kind === 'fit-check') return { type: 'FIT_START' };
    return {
      type: 'MATCH',
      candidates: withContext(matcher.match(text), text),
      bookingWord: intent.kind === 'none' ? intent.bookingWord : undefined,
      modelIntent: modelIntent(text),
      smalltalk: intent.kind === 'none' ? intent.smalltalk : undefined,
      asks: intents.asks(text),
      stops: intents.stops(text),
      refersBack: intents.refersBack(text),
      short: text.tokens.length <= engine.config.followUpWords,
    };
  };

  const isCloseCall = ([first, second]: MatchCandidate[]) => !!first && !!second && first.confidence - second.confidence < engine.config.clarifyMargin;

  const guarded = (fn: () => Reply): Reply => {
    try {
      return fn();
    } catch {
      // The engine must never break the page; an unexpected failure becomes an honest fallback.
      return replies.fallback('unknown');
    }
  };

  return {
    greeting: replies.greeting(),
    get status() {
      return status();
    },
    ask: (raw) => guarded(() => send(interpret(typeof raw === 'string' ? raw : String(raw ?? '')))),
    choose: (action) =>
      guarded(() => {
        // Quick replies pass the same safety check as typed text: a label is words too.
        const safety = safetyEvent(reader.prepare(action.label ?? '')).event;
        if (safety) return send(safety);
        if (action.value === FIT_START_VALUE) return send({ type: 'FIT_START' });
        if (action.value === FIT_STOP_VALUE) return send({ type: 'FIT_CANCEL' });
        if (action.value?.startsWith(FIT_CHOICE_PREFIX) && status() === 'fitCheck') {
          return send({ type: 'FIT_CHOOSE', value: action.value.slice(FIT_CHOICE_PREFIX.length) });
        }
        if (action.type === 'book') return send({ type: 'BOOK', debug: { confidence: 1, runnerUp: null, runnerUpConfidence: 0 } });
        if (action.entryId && knowledge.faq.some((e) => e.id === action.entryId)) return send({ type: 'TOPIC', entryId: action.entryId });
        return send(interpret(action.label ?? ''));
      }),
    reset: () => guarded(() => send({ type: 'RESET' })),
  };
}
