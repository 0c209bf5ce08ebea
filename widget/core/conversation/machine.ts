import { assign, createMachine } from '@xstate/fsm';
import type { CrisisKind, Reply, ReplyDebug } from '../types';
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
  | { type: 'MATCH'; candidates: MatchCandidate[]; /** A booking word in a short message ("email?"). */ bookingWord?: string }
  | { type: 'TOPIC'; entryId: string }
  | { type: 'MORE' }
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

export function createConversationMachine(replies: ReplyBuilder, fitQuestionCount: number, config: Readonly<EngineConfig> = DEFAULT_CONFIG) {
  const { answer: ANSWER_THRESHOLD, supportAnswer: SUPPORT_ANSWER_THRESHOLD, clarifyMargin: CLARIFY_MARGIN, clarifyFloor: CLARIFY_FLOOR, weakSignalsForCrisis: WEAK_SIGNALS_FOR_CRISIS } = config;
  const debugOf = (candidates: MatchCandidate[]): ReplyDebug => ({
    confidence: candidates[0]?.confidence ?? 0,
    runnerUp: candidates[1]?.entryId ?? null,
    runnerUpConfidence: candidates[1]?.confidence ?? 0,
  });
  const candidatesOf = (e: ConversationEvent) => (e.type === 'MATCH' ? e.candidates : []);
  const isClose: Cond = (_, e) => {
    const [first, second] = candidatesOf(e);
    return !!first && !!second && first.confidence >= CLARIFY_FLOOR && second.confidence >= CLARIFY_FLOOR && first.confidence - second.confidence < CLARIFY_MARGIN;
  };
  const isConfident: Cond = (_, e) => (candidatesOf(e)[0]?.confidence ?? 0) >= ANSWER_THRESHOLD;
  const hasLastEntry: Cond = (c) => c.lastEntryId !== null;
  const isLastFitStep: Cond = (c) => c.fitValues.length + 1 >= fitQuestionCount;

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
      actions: set((_, e) => ({ reply: replies.smalltalk(e.type === 'SMALLTALK' ? e.smalltalk : 'greeting') })),
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
        target: 'clarifying',
        cond: isClose,
        actions: set((_, e) => {
          const c = candidatesOf(e);
          const options = c.filter((x) => x.confidence >= CLARIFY_FLOOR && c[0]!.confidence - x.confidence < CLARIFY_MARGIN * 2).slice(0, 3).map((x) => x.entryId);
          return { reply: replies.clarify(options, debugOf(c)), options, fitValues: [] };
        }),
      },
      {
        target: 'answering',
        cond: isConfident,
        actions: set((_, e) => {
          const c = candidatesOf(e);
          return { reply: replies.answer(c[0]!.entryId, debugOf(c)), lastEntryId: c[0]!.entryId, fitValues: [] };
        }),
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
  };
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
    RESET: { target: 'greeting', actions: assign<ConversationContext, ConversationEvent>(() => initialContext()) },
  };

  const initialContext = (): ConversationContext => ({ reply: replies.greeting(), lastEntryId: null, options: [], fitValues: [], weakSignals: 0 });
  const fitChoose = (c: ConversationContext, e: ConversationEvent) => [...c.fitValues, e.type === 'FIT_CHOOSE' ? e.value : ''];

  return createMachine<ConversationContext, ConversationEvent>({
    id: 'conversation',
    initial: 'greeting',
    context: initialContext(),
    states: {
      greeting: { on: common },
      answering: { on: common },
      clarifying: { on: common },
      eligibility: { on: common },
      crisis: { on: common },
      booking: { on: common },
      fallback: { on: common },
      smalltalk: { on: common },
      support: { on: common },
      fitCheck: {
        on: {
          ...common,
          FIT_CHOOSE: first([
            {
              target: 'booking',
              cond: isLastFitStep,
              actions: set((c, e) => {
                const values = fitChoose(c, e);
                return { reply: replies.fitSummary(values), fitValues: [], lastEntryId: null };
              }),
            },
            {
              target: 'fitCheck',
              actions: set((c, e) => {
                const values = fitChoose(c, e);
                return { reply: replies.fitQuestion(values.length, false), fitValues: values };
              }),
            },
          ]),
          FIT_CANCEL: { target: 'greeting', actions: set(() => ({ reply: replies.fitCancelled(), fitValues: [] })) },
        },
      },
    },
  });
}

export type ConversationMachine = ReturnType<typeof createConversationMachine>;
