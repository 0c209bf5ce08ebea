import { assign, createMachine } from '@xstate/fsm';
import type { CrisisKind, FitQuestion, Reply, ReplyDebug } from '../types';
import type { MatchCandidate } from '../matching/matcher';
import type { SmalltalkKind } from './intents';
import type { ReplyBuilder } from './replies';
import { DEFAULT_CONFIG, type EngineConfig } from '../config';

/**
 * Every visitor turn becomes one of these events; every reply comes out of the transition it
 * causes. The engine (conversation.ts) reads the visitor's words and picks the event; safety
 * events are picked before anything else.
 */
export type ConversationEvent = (
  | { type: 'CRISIS'; kind: CrisisKind; debug: ReplyDebug }
  | { type: 'ELIGIBILITY'; debug: ReplyDebug; /** Set when only the learned model read eligibility. */ candidates?: MatchCandidate[] }
  | { type: 'SUPPORT'; debug: ReplyDebug; candidates: MatchCandidate[] }
  | { type: 'SMALLTALK'; smalltalk: SmalltalkKind }
  | { type: 'BOOK'; debug: ReplyDebug }
  | { type: 'OUT_OF_SCOPE'; debug: ReplyDebug }
  | { type: 'EMPTY' }
  | {
      type: 'MATCH';
      candidates: MatchCandidate[];
      /** A booking word in a short message ("email?"). */
      bookingWord?: string;
      /** The topic model reads a request to book or small talk ("can I talk to a real person", "you there?"). */
      modelIntent?: 'booking' | 'smalltalk';
      /** Thanks or a goodbye beside other words, in a message that asks nothing ("worth a try, thx"). */
      smalltalk?: SmalltalkKind;
      /** The message asks something (a question mark, or a sentence opening with a question word). */
      asks?: boolean;
      /** A stop word in a short message that asks nothing ("too many questions, forget it"). */
      stops?: boolean;
      /** The message points back at what was just said ("how long does that part last"). */
      refersBack?: boolean;
      /** The message is short enough to be a follow-up of the last answer. */
      short?: boolean;
      /** The model reads distress in it, though not surely enough for the support route by itself. */
      distressed?: boolean;
    }
  | { type: 'TOPIC'; entryId: string }
  | { type: 'MORE' }
  | { type: 'NEXT' }
  /** "why?", "how come?": the reasons are in the last answer's follow-ups. */
  | { type: 'WHY' }
  | { type: 'YES' }
  | { type: 'NO' }
  | { type: 'STOP' }
  | { type: 'CHOOSE'; index: number }
  | { type: 'INSIST'; candidates: MatchCandidate[] }
  | { type: 'FIT_START' }
  | { type: 'FIT_CHOOSE'; value: string }
  | { type: 'FIT_CANCEL' }
  | { type: 'RESET' }
) & {
  /** A risk signal too weak for the crisis route was seen in this turn (see SafetyVerdict). */
  weak?: boolean;
};

export type ConversationStatus =
  | 'greeting'
  | 'answering'
  | 'clarifying'
  | 'fitCheck'
  | 'eligibility'
  | 'crisis'
  | 'booking'
  | 'fallback'
  | 'smalltalk'
  | 'support';

export interface ConversationContext {
  /** The reply produced by the last transition. */
  reply: Reply;
  /** The entry last answered, for follow-ups like "who prescribes it?". */
  lastEntryId: string | null;
  /** Entries offered in a clarification. */
  options: string[];
  /** Answers given so far in the fit reflection. */
  fitValues: string[];
  /** Turns of this conversation with a weak risk signal; they add up to the crisis route. */
  weakSignals: number;
}




type Cond = (context: ConversationContext, event: ConversationEvent) => boolean;

/** A clarification offers at most this many entries. */
const CLARIFY_OPTIONS = 3;

/** What the machine needs to know of the knowledge to decide the flow. */
export interface ConversationFlow {
  fit: readonly FitQuestion[];
  /** The entry that comes after an entry ("and after that?"). */
  nextOf(entryId: string): string | undefined;
  /** The follow-ups offered after an entry's answer. */
  followUpsOf(entryId: string): readonly string[];
}

export function createConversationMachine(replies: ReplyBuilder, flow: ConversationFlow, config: Readonly<EngineConfig> = DEFAULT_CONFIG) {
  const fitQuestionCount = flow.fit.length;
  const { answer: ANSWER_THRESHOLD, supportAnswer: SUPPORT_ANSWER_THRESHOLD, clarifyMargin: CLARIFY_MARGIN, clarifyFloor: CLARIFY_FLOOR, weakSignalsForCrisis: WEAK_SIGNALS_FOR_CRISIS } = config;
  const topConfidence = (e: ConversationEvent) => ('candidates' in e ? (e.candidates?.[0]?.confidence ?? 0) : 0);
  const reading = <K extends 'smalltalk' | 'asks' | 'stops' | 'refersBack' | 'short' | 'bookingWord'>(e: ConversationEvent, key: K) =>
    e.type === 'MATCH' ? (e as Extract<ConversationEvent, { type: 'MATCH' }>)[key] : undefined;
  /** The last reply answered a question or offered the topics around an answer: a short message may lean on it. */
  const afterAnswer: Cond = (c) => c.lastEntryId !== null && (c.reply.route === 'answer' || (c.reply.route === 'clarify' && c.options.length > 0));
  /**
   * A short follow-up of the last answer that no entry answers on its own: pointing back at it
   * ("how long does that part last") without an entry that answers surely, or too unclear to answer.
   */
  const unclearFollowUp: Cond = (c, e) => {
    if (!afterAnswer(c, e) || !reading(e, 'short')) return false;
    const best = candidatesOf(e)[0];
    if (reading(e, 'refersBack')) return !best || (best.entryId !== c.lastEntryId && best.confidence < config.followUpAnswer);
    return (best?.confidence ?? 0) < ANSWER_THRESHOLD;
  };
  const debugOf = (candidates: MatchCandidate[]): ReplyDebug => ({
    confidence: candidates[0]?.confidence ?? 0,
    runnerUp: candidates[1]?.entryId ?? null,
    runnerUpConfidence: candidates[1]?.confidence ?? 0,
  });
  const candidatesOf = (e: ConversationEvent) => (e.type === 'MATCH' || e.type === 'INSIST' ? e.candidates : []);
  const isClose: Cond = (_, e) => {
    const [first, second] = candidatesOf(e);
    return !!first && !!second && first.confidence >= CLARIFY_FLOOR && second.confidence >= CLARIFY_FLOOR && first.confidence - second.confidence < CLARIFY_MARGIN;
  };
  /** A clarification offering the event's candidates that `keep` accepts, at most three. */
  const offer = (e: ConversationEvent, keep: (x: MatchCandidate, top: number) => boolean, trigger?: string): Partial<ConversationContext> => {
    const c = candidatesOf(e);
    const options = c.filter((x) => keep(x, c[0]!.confidence)).slice(0, CLARIFY_OPTIONS).map((x) => x.entryId);
    return { reply: replies.clarify(options, { ...debugOf(c), ...(trigger ? { trigger } : {}) }), options, fitValues: [] };
  };
  const isConfident: Cond = (_, e) => (candidatesOf(e)[0]?.confidence ?? 0) >= ANSWER_THRESHOLD;
  const hasLastEntry: Cond = (c) => c.lastEntryId !== null;

  // @xstate/fsm replaces the context with what an assigner returns: merge, so nothing is dropped.
  // A turn with a weak risk signal keeps its reply and gains one line offering the resources.
  const set = (fn: (c: ConversationContext, e: ConversationEvent) => Partial<ConversationContext>) =>
    assign<ConversationContext, ConversationEvent>((c, e) => {
      const next = { ...c, ...fn(c, e) };
      if (!e.weak || next.reply.route === 'crisis') return next;
      return { ...next, reply: { ...next.reply, text: `${next.reply.text}\n\n${replies.resourcesLine()}` }, weakSignals: c.weakSignals + 1 };
    });
  const debugEvent = (e: ConversationEvent) => ('debug' in e ? e.debug : undefined);
  const matchesOf = (e: ConversationEvent) => ('candidates' in e ? (e.candidates ?? []) : []);
  /** An entry answers the event's question at least this surely, with no close runner-up. */
  const clearlyAnswered = (c: ConversationContext, e: ConversationEvent, threshold: number) => {
    const candidates = matchesOf(e);
    return (candidates[0]?.confidence ?? 0) >= threshold && !isClose(c, { type: 'MATCH', candidates });
  };
  const answerWith = (e: ConversationEvent): Partial<ConversationContext> => {
    const c = matchesOf(e);
    return { reply: replies.answer(c[0]!.entryId, debugOf(c)), lastEntryId: c[0]!.entryId, fitValues: [] };
  };
  const crisisReply = (e: ConversationEvent) =>
    replies.crisis(debugEvent(e) ?? { confidence: 1, runnerUp: null, runnerUpConfidence: 0, trigger: 'weak signals in successive turns' }, e.type === 'CRISIS' ? e.kind : 'self-harm');
  /** A question clear enough to answer right after a crisis reply. */
  const surely = (e: ConversationEvent) => e.type === 'MATCH' && (e.candidates[0]?.confidence ?? 0) >= config.afterCrisisAnswer;
  const crisisAgain = {
    target: 'crisis',
    actions: set((c) => ({ reply: replies.crisis({ confidence: 1, runnerUp: null, runnerUpConfidence: 0, trigger: 'after a crisis reply' }, c.reply.kind ?? 'self-harm'), fitValues: [] })),
  };
  const toCrisis = { target: 'crisis', actions: set((_, e) => ({ reply: crisisReply(e), fitValues: [], weakSignals: 0 })) };
  /** Weak signals that add up: this turn's and the earlier ones reach the crisis route. */
  const escalates: Cond = (c, e) => !!e.weak && c.weakSignals + 1 >= WEAK_SIGNALS_FOR_CRISIS;
  const first = <T extends object>(transition: T | T[]) => [{ ...toCrisis, cond: escalates }, ...(Array.isArray(transition) ? transition : [transition])];

  /** Transitions available in every state: safety first, then everything else a turn can be. */
  const safety = {
    CRISIS: toCrisis,
    ELIGIBILITY: [
      // The model alone, against an entry that answers the question surely: the entry answers
      // ("do I have to take ketamine?"). Any rule's reading is never overruled.
      {
        target: 'answering',
        cond: (c: ConversationContext, e: ConversationEvent) => clearlyAnswered(c, e, config.modelEligibilityAnswer),
        actions: set((_, e) => answerWith(e)),
      },
      { target: 'eligibility', actions: set((_, e) => ({ reply: replies.eligibility(debugEvent(e)), fitValues: [] })) },
    ],
    // Distress with a question the knowledge clearly answers ("I'm scared: will I lose control?")
    // gets the answer; distress alone gets the support reply.
    SUPPORT: [
      {
        target: 'answering',
        cond: (c: ConversationContext, e: ConversationEvent) => clearlyAnswered(c, e, SUPPORT_ANSWER_THRESHOLD),
        actions: set((_, e) => answerWith(e)),
      },
      { target: 'support', actions: set((_, e) => ({ reply: replies.support(debugEvent(e)), fitValues: [] })) },
    ],
  };
  const turns = {
    SMALLTALK: {
      target: 'smalltalk',
      actions: set((_, e) => ({ reply: replies.smalltalk(e.type === 'SMALLTALK' ? e.smalltalk : 'greeting'), fitValues: [] })),
    },
    BOOK: { target: 'booking', actions: set((_, e) => ({ reply: replies.booking(debugEvent(e)), fitValues: [] })) },
    OUT_OF_SCOPE: { target: 'fallback', actions: set((_, e) => ({ reply: replies.fallback('out-of-scope', debugEvent(e)), fitValues: [] })) },
    EMPTY: { target: 'fallback', actions: set(() => ({ reply: replies.fallback('empty') })) },
    MATCH: [
      // A short message naming a way to book or reach the practice ("email?", "who do I contact"),
      // unless an entry answers it surely.
      {
        target: 'booking',
        cond: (_: ConversationContext, e: ConversationEvent) => e.type === 'MATCH' && !!e.bookingWord && (e.candidates[0]?.confidence ?? 0) < config.bookingWordOverAnswer,
        actions: set((_, e) => ({ reply: replies.booking({ ...debugOf(candidatesOf(e)), trigger: e.type === 'MATCH' ? e.bookingWord : undefined }), fitValues: [] })),
      },
      {
        target: 'booking',
        cond: (_: ConversationContext, e: ConversationEvent) => e.type === 'MATCH' && e.modelIntent === 'booking' && (e.candidates[0]?.confidence ?? 0) < config.answer,
        actions: set((_, e) => ({ reply: replies.booking({ ...debugOf(candidatesOf(e)), trigger: 'topic model: booking' }), fitValues: [] })),
      },
      {
        target: 'smalltalk',
        // Right after an answer, a question is not small talk by the model's reading alone: it may
        // be a follow-up ("does that take long?").
        cond: (c: ConversationContext, e: ConversationEvent) =>
          e.type === 'MATCH' && e.modelIntent === 'smalltalk' && !(e.asks && afterAnswer(c, e)) && (e.candidates[0]?.confidence ?? 0) < config.answer,
        actions: set(() => ({ reply: replies.smalltalk('greeting'), fitValues: [] })),
      },
      // "thanks, worth a try": small talk, unless an entry answers the rest.
      {
        target: 'smalltalk',
        cond: (_: ConversationContext, e: ConversationEvent) => !!reading(e, 'smalltalk') && topConfidence(e) < ANSWER_THRESHOLD,
        actions: set((_, e) => ({ reply: replies.smalltalk(reading(e, 'smalltalk') ?? 'thanks'), fitValues: [] })),
      },
      {
        target: 'clarifying',
        cond: unclearFollowUp,
        actions: set((c, e) => {
          const reply = replies.unclearFollowUp(c.lastEntryId!, { ...debugOf(candidatesOf(e)), trigger: 'a follow-up of the last answer' });
          return { reply, options: reply.options, fitValues: [] };
        }),
      },
      // Two entries about as likely, one of them the last answer, and the message points back at it: that one.
      {
        target: 'answering',
        cond: (c: ConversationContext, e: ConversationEvent) =>
          !!reading(e, 'refersBack') && afterAnswer(c, e) && candidatesOf(e)[0]?.entryId === c.lastEntryId && topConfidence(e) >= CLARIFY_FLOOR,
        actions: set((_, e) => answerWith(e)),
      },
      {
        target: 'clarifying',
        cond: isClose,
        actions: set((_, e) => offer(e, (x, top) => x.confidence >= CLARIFY_FLOOR && top - x.confidence < CLARIFY_MARGIN * 2)),
      },
      // Distress that no entry answers surely: the support reply, not an unrelated answer or "I don't know".
      {
        target: 'support',
        cond: (_: ConversationContext, e: ConversationEvent) => e.type === 'MATCH' && !!e.distressed && topConfidence(e) < config.distressAnswer,
        actions: set((_, e) => ({ reply: replies.support({ ...debugOf(candidatesOf(e)), trigger: 'distress, and no entry answers surely' }), fitValues: [] })),
      },
      {
        target: 'answering',
        cond: isConfident,
        actions: set((_, e) => {
          const c = candidatesOf(e);
          return { reply: replies.answer(c[0]!.entryId, debugOf(c)), lastEntryId: c[0]!.entryId, fitValues: [] };
        }),
      },
      // Not sure enough to answer, but near some entries: offer them, rather than say there is no answer.
      {
        target: 'clarifying',
        cond: (_: ConversationContext, e: ConversationEvent) => topConfidence(e) >= config.suggest,
        actions: set((_, e) => offer(e, (x) => x.confidence >= config.suggest, 'near these entries, not sure enough to answer')),
      },
      { target: 'fallback', actions: set((_, e) => ({ reply: replies.fallback('unknown', debugOf(candidatesOf(e))), fitValues: [] })) },
    ],
    TOPIC: {
      target: 'answering',
      actions: set((_, e) => {
        const entryId = e.type === 'TOPIC' ? e.entryId : '';
        return { reply: replies.answer(entryId), lastEntryId: entryId, fitValues: [] };
      }),
    },
    MORE: [
      {
        target: 'clarifying',
        cond: hasLastEntry,
        actions: set((c) => {
          const reply = replies.more(c.lastEntryId!);
          return { reply, options: reply.options };
        }),
      },
      { target: 'fallback', actions: set(() => ({ reply: replies.fallback('unknown') })) },
    ],
    FIT_START: { target: 'fitCheck', actions: set(() => ({ reply: replies.fitQuestion(0, true), fitValues: [] })) },
    // "and after that?": the entry that comes next, or the follow-ups of the last answer.
    NEXT: [
      {
        target: 'answering',
        cond: (c: ConversationContext) => !!c.lastEntryId && !!flow.nextOf(c.lastEntryId),
        actions: set((c) => {
          const entryId = flow.nextOf(c.lastEntryId!)!;
          return { reply: replies.answer(entryId), lastEntryId: entryId, fitValues: [] };
        }),
      },
    ],
    WHY: [
      { target: 'clarifying', cond: hasLastEntry, actions: set((c) => moreAbout(c.lastEntryId!)) },
      { target: 'fallback', actions: set(() => ({ reply: replies.fallback('unknown'), fitValues: [] })) },
    ],
    // "yes" after an answer: its follow-ups; after anything else: what would you like to know.
    YES: [
      { target: 'clarifying', cond: (c: ConversationContext) => c.lastEntryId !== null && c.reply.route === 'answer', actions: set((c) => moreAbout(c.lastEntryId!)) },
      { target: 'smalltalk', actions: set(() => ({ reply: replies.smalltalk('greeting'), fitValues: [] })) },
    ],
    NO: { target: 'smalltalk', actions: set(() => ({ reply: replies.smalltalk('goodbye'), fitValues: [] })) },
    STOP: { target: 'smalltalk', actions: set(() => ({ reply: replies.smalltalk('goodbye'), fitValues: [] })) },
    // "the second one": a topic offered in the last clarification.
    CHOOSE: [
      {
        target: 'answering',
        cond: (c: ConversationContext, e: ConversationEvent) => e.type === 'CHOOSE' && c.reply.route === 'clarify' && e.index < c.options.length,
        actions: set((c, e) => {
          const entryId = c.options[e.type === 'CHOOSE' ? e.index : 0]!;
          return { reply: replies.answer(entryId), lastEntryId: entryId, fitValues: [] };
        }),
      },
      // "first one?" right after an answer: its follow-ups, in the order they were offered.
      {
        target: 'answering',
        cond: (c: ConversationContext, e: ConversationEvent) => e.type === 'CHOOSE' && c.reply.route === 'answer' && !!flow.followUpsOf(c.lastEntryId ?? '')[e.index],
        actions: set((c, e) => {
          const entryId = flow.followUpsOf(c.lastEntryId!)[e.type === 'CHOOSE' ? e.index : 0]!;
          return { reply: replies.answer(entryId), lastEntryId: entryId, fitValues: [] };
        }),
      },
      { target: 'fallback', actions: set(() => ({ reply: replies.fallback('unknown'), fitValues: [] })) },
    ],
  };
  const moreAbout = (entryId: string): Partial<ConversationContext> => {
    const reply = replies.more(entryId);
    return { reply, options: reply.options };
  };
  // Pressing for a yes or no is read like any other question, except after an eligibility reply.
  turns.NEXT.push(...(turns.MORE as typeof turns.NEXT));
  const insist = turns.MATCH;
  const common = {
    ...safety,
    SMALLTALK: first(turns.SMALLTALK),
    BOOK: first(turns.BOOK),
    OUT_OF_SCOPE: first(turns.OUT_OF_SCOPE),
    EMPTY: first(turns.EMPTY),
    MATCH: first(turns.MATCH),
    TOPIC: first(turns.TOPIC),
    MORE: first(turns.MORE),
    FIT_START: first(turns.FIT_START),
    NEXT: first(turns.NEXT),
    WHY: first(turns.WHY),
    YES: first(turns.YES),
    NO: first(turns.NO),
    STOP: first(turns.STOP),
    CHOOSE: first(turns.CHOOSE),
    INSIST: first(insist),
    RESET: { target: 'greeting', actions: assign<ConversationContext, ConversationEvent>(() => initialContext()) },
  };

  const fitChoice = (c: ConversationContext, value: string) => flow.fit[c.fitValues.length]?.choices.find((x) => x.value === value)?.value;
  const hasFitChoice = (value: string): Cond => (c) => fitChoice(c, value) !== undefined;
  /** One choice of the reflection: the next question, or after the last one the closing words. */
  const fitStep = (c: ConversationContext, value: string): Partial<ConversationContext> => {
    const values = [...c.fitValues, value];
    if (values.length >= fitQuestionCount) return { reply: replies.fitClosing(), fitValues: [], lastEntryId: null };
    return { reply: replies.fitQuestion(values.length, false), fitValues: values };
  };
  const turnsAsArray = <T,>(t: T | T[]): T[] => (Array.isArray(t) ? t : [t]);
  type Transition = { target: string; cond?: Cond; actions?: ReturnType<typeof set> };
  const matchTransitions = turns.MATCH as Transition[];
  /** Where `when` holds, an entry answers only surely: words about oneself after the booking reply. */
  const onlySurely = (transitions: Transition[], when: Cond = () => true) =>
    transitions.map((t) =>
      t.target === 'answering' || t.target === 'clarifying'
        ? { ...t, cond: (c: ConversationContext, e: ConversationEvent) => (!when(c, e) || topConfidence(e) >= config.afterBookingAnswer) && (!t.cond || t.cond(c, e)) }
        : t,
    );
  const toBooking = matchTransitions.filter((t) => t.target === 'booking');
  /** One choice of the reflection, in its two outcomes: the next question, or after the last one the closing words. */
  const fitChoice2 = (value: (c: ConversationContext, e: ConversationEvent) => string | undefined, cond: Cond = () => true) => [
    { target: 'greeting', cond: (c: ConversationContext, e: ConversationEvent) => cond(c, e) && c.fitValues.length + 1 >= fitQuestionCount, actions: set((c, e) => fitStep(c, value(c, e) ?? '')) },
    { target: 'fitCheck', cond, actions: set((c, e) => fitStep(c, value(c, e) ?? '')) },
  ];
  /** Every way out of the reflection forgets its choices: they are kept only while it runs. */
  const leavingFit = <On extends Record<string, object | object[]>>(on: On): On =>
    Object.fromEntries(
      Object.entries(on).map(([event, transitions]) => [
        event,
        turnsAsArray(transitions).map((t) => {
          const { target, actions } = t as { target?: string; actions?: unknown };
          if (target === 'fitCheck') return t;
          return { ...t, actions: [...(actions === undefined ? [] : Array.isArray(actions) ? actions : [actions]), assign<ConversationContext, ConversationEvent>((c) => ({ ...c, fitValues: [] }))] };
        }),
      ]),
    ) as On;
  const initialContext = (): ConversationContext => ({ reply: replies.greeting(), lastEntryId: null, options: [], fitValues: [], weakSignals: 0 });

  return createMachine<ConversationContext, ConversationEvent>({
    id: 'conversation',
    initial: 'greeting',
    context: initialContext(),
    states: {
      greeting: { on: common },
      answering: { on: common },
      clarifying: { on: common },
      // After an eligibility reply, pressing for a yes or no, or a question no entry answers,
      // gets the same reply again: the question is still about the visitor's own health.
      eligibility: {
        on: {
          ...common,
          INSIST: first([{ target: 'eligibility', actions: set((_, e) => ({ reply: replies.eligibility({ ...debugOf(candidatesOf(e)), trigger: 'insisting after an eligibility reply' }) })) }]),
          MATCH: first([
            ...toBooking,
            // "who do I ask about that?": still the question the eligibility reply was about.
            {
              target: 'eligibility',
              cond: (_: ConversationContext, e: ConversationEvent) => !!reading(e, 'refersBack'),
              actions: set((_, e) => ({ reply: replies.eligibility({ ...debugOf(candidatesOf(e)), trigger: 'a follow-up of the eligibility reply' }) })),
            },
            ...matchTransitions.filter((t) => t.target !== 'fallback' && t.target !== 'booking'),
            { target: 'eligibility', actions: set((_, e) => ({ reply: replies.eligibility(debugOf(candidatesOf(e))) })) },
          ]),
        },
      },
      // After a crisis reply, what is not a clear question ("yeah i mean it", "jk", "never mind,
      // I was being dramatic", "what do I even do") gets the resources again, first: a retraction
      // or a shrug is no reason to drop them.
      crisis: {
        on: {
          ...common,
          YES: first([crisisAgain]),
          // A shrug ("whatever", "hmm") keeps the resources; thanks after them is met warmly, the line still there.
          SMALLTALK: first([{ ...crisisAgain, cond: (_: ConversationContext, e: ConversationEvent) => e.type === 'SMALLTALK' && e.smalltalk === 'acknowledge' }, turns.SMALLTALK]),
          MATCH: first([
            // An entry answers only surely, a question too (the safety issue's rule); the booking
            // reply takes the place of the resources only for words that ask for it, not for the
            // topic model's reading of a retraction ("never mind, forget it").
            ...matchTransitions
              .filter((t) => t.target !== 'fallback' && t.target !== 'smalltalk')
              .map((t) =>
                t.target === 'answering' || t.target === 'clarifying'
                  ? { ...t, cond: (c: ConversationContext, e: ConversationEvent) => surely(e) && (!t.cond || t.cond(c, e)) }
                  : t.target === 'booking'
                    ? { ...t, cond: (c: ConversationContext, e: ConversationEvent) => !!reading(e, 'bookingWord') && (!t.cond || t.cond(c, e)) }
                    : t,
              ),
            {
              target: 'support',
              cond: (_: ConversationContext, e: ConversationEvent) => reading(e, 'smalltalk') === 'thanks',
              actions: set((_, e) => ({ reply: replies.support({ ...debugOf(candidatesOf(e)), trigger: 'thanks after a crisis reply' }), fitValues: [] })),
            },
            crisisAgain,
          ]),
        },
      },
      // After the booking reply, words about oneself that no entry answers surely ("mornings suit me
      // best") are about the booking: its reply again, with the way to book.
      booking: {
        on: {
          ...common,
          MATCH: first([
            ...onlySurely(matchTransitions.filter((t) => t.target !== 'fallback'), (_, e) => reading(e, 'asks') === false),
            {
              target: 'booking',
              cond: (_: ConversationContext, e: ConversationEvent) => reading(e, 'asks') === false,
              actions: set((_, e) => ({ reply: replies.booking({ ...debugOf(candidatesOf(e)), trigger: 'more about the booking' }) })),
            },
            ...matchTransitions.filter((t) => t.target === 'fallback'),
          ]),
        },
      },
      fallback: { on: common },
      smalltalk: { on: common },
      // After a support reply, more about how the visitor feels (no question) gets the support reply
      // again; a question is read as usual.
      support: {
        on: {
          ...common,
          MATCH: first([
            ...toBooking,
            {
              target: 'support',
              cond: (_: ConversationContext, e: ConversationEvent) => reading(e, 'asks') === false,
              actions: set((_, e) => ({ reply: replies.support({ ...debugOf(candidatesOf(e)), trigger: 'more of the same after a support reply' }) })),
            },
            ...matchTransitions.filter((t) => t.target !== 'booking'),
          ]),
        },
      },
      fitCheck: {
        on: leavingFit({
          ...common,
          FIT_CHOOSE: first(fitChoice2((_, e) => (e.type === 'FIT_CHOOSE' ? e.value : ''))),
          FIT_CANCEL: { target: 'greeting', actions: set(() => ({ reply: replies.fitCancelled(), fitValues: [] })) },
          STOP: { target: 'greeting', actions: set(() => ({ reply: replies.fitCancelled(), fitValues: [] })) },
          // "yes", "no", "the second one": the current question's choices.
          YES: first([...fitChoice2((c) => fitChoice(c, 'yes'), hasFitChoice('yes')), ...turnsAsArray(turns.YES)]),
          NO: first([...fitChoice2((c) => fitChoice(c, 'no'), hasFitChoice('no')), ...turnsAsArray(turns.NO)]),
          CHOOSE: first(
            fitChoice2(
              (c, e) => flow.fit[c.fitValues.length]?.choices[e.type === 'CHOOSE' ? e.index : 0]?.value,
              (c, e) => e.type === 'CHOOSE' && !!flow.fit[c.fitValues.length]?.choices[e.index],
            ),
          ),
          // A reaction ("hmm", "ok") is no reason to leave: the question again.
          SMALLTALK: first([
            {
              target: 'fitCheck',
              cond: (_: ConversationContext, e: ConversationEvent) => e.type === 'SMALLTALK' && (e.smalltalk === 'acknowledge' || e.smalltalk === 'thanks'),
              actions: set((c) => ({ reply: replies.fitQuestion(c.fitValues.length, false) })),
            },
            turns.SMALLTALK,
          ]),
          // Words that are not a choice: a stop word in a short message stops; a question an entry
          // answers surely is answered; anything else (more about oneself) gets the question again.
          MATCH: first([
            ...toBooking,
            { target: 'greeting', cond: (_: ConversationContext, e: ConversationEvent) => !!reading(e, 'stops'), actions: set(() => ({ reply: replies.fitCancelled(), fitValues: [] })) },
            {
              target: 'answering',
              cond: (c: ConversationContext, e: ConversationEvent) => reading(e, 'asks') !== false && clearlyAnswered(c, e, config.fitCheckAnswer),
              actions: set((_, e) => answerWith(e)),
            },
            { target: 'fitCheck', actions: set((c) => ({ reply: replies.fitQuestion(c.fitValues.length, false) })) },
          ]),
        }),
      },
    },
  });
}

export type ConversationMachine = ReturnType<typeof createConversationMachine>;
