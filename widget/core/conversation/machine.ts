import { assign, createMachine } from '@xstate/fsm';
import type { Reply, ReplyDebug } from '../types';
import type { MatchCandidate } from '../matching/matcher';
import type { SmalltalkKind } from './intents';
import type { ReplyBuilder } from './replies';

/**
 * Every visitor turn becomes one of these events; every reply comes out of the transition it
 * causes. The engine (conversation.ts) reads the visitor's words and picks the event; safety
 * events are picked before anything else.
 */
export type ConversationEvent =
  | { type: 'CRISIS'; debug: ReplyDebug }
  | { type: 'ELIGIBILITY'; debug: ReplyDebug }
  | { type: 'SMALLTALK'; smalltalk: SmalltalkKind }
  | { type: 'BOOK'; debug: ReplyDebug }
  | { type: 'OUT_OF_SCOPE'; debug: ReplyDebug }
  | { type: 'EMPTY' }
  | { type: 'MATCH'; candidates: MatchCandidate[] }
  | { type: 'TOPIC'; entryId: string }
  | { type: 'MORE' }
  | { type: 'FIT_START' }
  | { type: 'FIT_CHOOSE'; value: string }
  | { type: 'FIT_CANCEL' }
  | { type: 'RESET' };

export type ConversationStatus =
  | 'greeting'
  | 'answering'
  | 'clarifying'
  | 'fitCheck'
  | 'eligibility'
  | 'crisis'
  | 'booking'
  | 'fallback'
  | 'smalltalk';

export interface ConversationContext {
  /** The reply produced by the last transition. */
  reply: Reply;
  /** The entry last answered, for follow-ups like "who prescribes it?". */
  lastEntryId: string | null;
  /** Entries offered in a clarification. */
  options: string[];
  /** Answers given so far in the fit reflection. */
  fitValues: string[];
}

/** Confidence a single match needs to be answered. */
export const ANSWER_THRESHOLD = 0.38;
/** Two candidates closer than this, both plausible, make the assistant ask which was meant. */
export const CLARIFY_MARGIN = 0.03;
/** The runner-up must reach this for a clarification instead of an answer. */
export const CLARIFY_FLOOR = 0.38;

type Cond = (context: ConversationContext, event: ConversationEvent) => boolean;

export function createConversationMachine(replies: ReplyBuilder, fitQuestionCount: number) {
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

  const set = (fn: (c: ConversationContext, e: ConversationEvent) => Partial<ConversationContext>) =>
    assign<ConversationContext, ConversationEvent>((c, e) => fn(c, e));
  const debugEvent = (e: ConversationEvent) => ('debug' in e ? e.debug : undefined);

  /** Transitions available in every state: safety first, then everything else a turn can be. */
  const common = {
    CRISIS: { target: 'crisis', actions: set((_, e) => ({ reply: replies.crisis(debugEvent(e)), fitValues: [] })) },
    ELIGIBILITY: { target: 'eligibility', actions: set((_, e) => ({ reply: replies.eligibility(debugEvent(e)), fitValues: [] })) },
    SMALLTALK: {
      target: 'smalltalk',
      actions: set((_, e) => ({ reply: replies.smalltalk(e.type === 'SMALLTALK' ? e.smalltalk : 'greeting') })),
    },
    BOOK: { target: 'booking', actions: set((_, e) => ({ reply: replies.booking(debugEvent(e)), fitValues: [] })) },
    OUT_OF_SCOPE: { target: 'fallback', actions: set((_, e) => ({ reply: replies.fallback('out-of-scope', debugEvent(e)), fitValues: [] })) },
    EMPTY: { target: 'fallback', actions: set(() => ({ reply: replies.fallback('empty') })) },
    MATCH: [
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
    RESET: { target: 'greeting', actions: set(() => initialContext()) },
  };

  const initialContext = (): ConversationContext => ({ reply: replies.greeting(), lastEntryId: null, options: [], fitValues: [] });
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
      fitCheck: {
        on: {
          ...common,
          FIT_CHOOSE: [
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
          ],
          FIT_CANCEL: { target: 'greeting', actions: set(() => ({ reply: replies.fitCancelled(), fitValues: [] })) },
        },
      },
    },
  });
}

export type ConversationMachine = ReturnType<typeof createConversationMachine>;
