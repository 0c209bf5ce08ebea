import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge } from '../../../widget/core/index';
import { createConversationMachine, type ConversationEvent } from '../../../widget/core/conversation/machine';
import { createReplyBuilder } from '../../../widget/core/conversation/replies';
import type { SmalltalkKind } from '../../../widget/core/conversation/intents';
import { expectValidReply } from '../replyContract';

/**
 * Properties of the flow, over any sequence of turns: every clarification offers options, the
 * context the machine keeps survives every transition that does not change it on purpose, and
 * every turn gets a valid reply. The machine properties send every kind of event with any
 * reading; the conversation properties type the knowledge's own turn words and questions.
 */
const engine = createEngine(defaultKnowledge);
const replies = createReplyBuilder(defaultKnowledge);
const entryIds = defaultKnowledge.faq.map((e) => e.id);
const entry = (id: string) => defaultKnowledge.faq.find((e) => e.id === id);
const flow = { fit: defaultKnowledge.fit.questions, nextOf: (id: string) => entry(id)?.next, followUpsOf: (id: string) => entry(id)?.followUps ?? [] };
const debug = { confidence: 1, runnerUp: null, runnerUpConfidence: 0 };
/** A fixed seed, as in properties.test.ts: every run tries the same cases, so a failure shows up in every run, not in one of many. */
const SEED = 20261202;

const candidates = fc.array(fc.record({ entryId: fc.constantFrom(...entryIds), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 4 }).map((c) => [...c].sort((a, b) => b.confidence - a.confidence));
const smalltalk = fc.constantFrom<SmalltalkKind>('greeting', 'thanks', 'goodbye', 'identity', 'acknowledge');
const fitValue = fc.constantFrom(...new Set(defaultKnowledge.fit.questions.flatMap((q) => q.choices.map((c) => c.value))));
const event: fc.Arbitrary<ConversationEvent> = fc
  .oneof(
    fc.record({
      type: fc.constant('MATCH' as const),
      candidates,
      bookingWord: fc.option(fc.constant('email'), { nil: undefined }),
      modelIntent: fc.option(fc.constantFrom('booking' as const, 'smalltalk' as const), { nil: undefined }),
      smalltalk: fc.option(smalltalk, { nil: undefined }),
      asks: fc.option(fc.boolean(), { nil: undefined }),
      stops: fc.option(fc.boolean(), { nil: undefined }),
      refersBack: fc.option(fc.boolean(), { nil: undefined }),
      short: fc.option(fc.boolean(), { nil: undefined }),
    }),
    fc.record({ type: fc.constant('INSIST' as const), candidates }),
    fc.record({ type: fc.constant('ELIGIBILITY' as const), debug: fc.constant(debug), candidates: fc.option(candidates, { nil: undefined }) }),
    fc.record({ type: fc.constant('SUPPORT' as const), debug: fc.constant(debug), candidates }),
    fc.record({ type: fc.constant('CRISIS' as const), kind: fc.constant('self-harm' as const), debug: fc.constant(debug) }),
    fc.record({ type: fc.constant('SMALLTALK' as const), smalltalk }),
    fc.record({ type: fc.constant('TOPIC' as const), entryId: fc.constantFrom(...entryIds) }),
    fc.record({ type: fc.constant('CHOOSE' as const), index: fc.nat({ max: 3 }) }),
    fc.record({ type: fc.constant('FIT_CHOOSE' as const), value: fitValue }),
    fc.record({ type: fc.constant('BOOK' as const), debug: fc.constant(debug) }),
    fc.record({ type: fc.constant('OUT_OF_SCOPE' as const), debug: fc.constant(debug) }),
    fc.constantFrom<ConversationEvent>({ type: 'EMPTY' }, { type: 'MORE' }, { type: 'NEXT' }, { type: 'WHY' }, { type: 'YES' }, { type: 'NO' }, { type: 'STOP' }, { type: 'FIT_START' }, { type: 'FIT_CANCEL' }, { type: 'RESET' }),
  )
  .chain((e) => fc.boolean().map((weak) => (weak && e.type !== 'RESET' ? { ...e, weak } : e)));

describe('the machine, over any sequence of events', () => {
  it('offers options with every clarification, and keeps them as the options to choose from', () => {
    const machine = createConversationMachine(replies, flow);
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 15 }), (events) => {
        let state = machine.initialState;
        for (const e of events) {
          state = machine.transition(state, e);
          const reply = state.context.reply;
          if (reply.route === 'clarify') {
            expect(reply.options.length, JSON.stringify(e)).toBeGreaterThan(0);
            expect(state.context.options).toEqual(reply.options);
            expect(reply.actions.map((a) => a.entryId)).toEqual(reply.options);
          }
          expectValidReply(reply);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('keeps the last answered entry through every transition that does not answer, end the reflection or start over', () => {
    const machine = createConversationMachine(replies, flow);
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 15 }), (events) => {
        let state = machine.initialState;
        for (const e of events) {
          const before = state.context;
          state = machine.transition(state, e);
          const { reply, lastEntryId, fitValues, weakSignals } = state.context;
          if (reply.route === 'answer') expect(lastEntryId).toBe(reply.entryId);
          else if (e.type !== 'RESET' && !(reply.route === 'fit-check' && reply.text.includes(defaultKnowledge.messages.fitEnd))) expect(lastEntryId).toBe(before.lastEntryId);
          // The closing words end the reflection: a later "yes" or "2" is not read as one of its choices.
          if (reply.route === 'fit-check' && reply.text.includes(defaultKnowledge.messages.fitEnd)) expect(state.value).not.toBe('fitCheck');
          // The reflection's answers are kept only while it runs, one per question at most.
          if (state.value !== 'fitCheck') expect(fitValues).toEqual([]);
          expect(fitValues.length).toBeLessThan(defaultKnowledge.fit.questions.length);
          expect(weakSignals).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});

/** Turns a visitor may type: the knowledge's own turn words and FAQ questions, and words of nothing. */
const turnWords = Object.values(defaultKnowledge.intents.turns ?? {}).flat();
const typed = fc.oneof(
  fc.constantFrom(...turnWords),
  fc.constantFrom(...defaultKnowledge.faq.map((e) => e.question)),
  fc.constantFrom(...defaultKnowledge.intents.fitCheck, ...defaultKnowledge.intents.smalltalk.thanks, ...defaultKnowledge.intents.booking.slice(0, 10)),
  fc.string({ maxLength: 30 }),
);
const turn: fc.Arbitrary<{ typed?: string; pick?: number }> = fc.oneof(typed.map((t) => ({ typed: t })), fc.nat().map((n) => ({ pick: n })));

describe('a conversation, over any sequence of typed turns and quick replies', () => {
  it('gives a valid reply to every turn, and a clarification always has options to pick', () => {
    fc.assert(
      fc.property(fc.array(turn, { minLength: 1, maxLength: 10 }), (turns) => {
        const chat = createConversation(engine);
        let last = chat.greeting;
        for (const t of turns) {
          if (t.typed !== undefined) last = chat.ask(t.typed);
          else if (last.actions.length > 0) last = chat.choose(last.actions[t.pick! % last.actions.length]!);
          expectValidReply(last);
          if (last.route === 'clarify') expect(last.options.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('answers "tell me more" with the follow-ups of the last answer, whatever came between that was not an answer', () => {
    const between = fc.array(fc.constantFrom('thanks', 'hmm', 'hello', "what's the weather like", 'I want to book', 'whatever', ''), { maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom(...entryIds), between, (id, others) => {
        const chat = createConversation(engine);
        chat.choose({ type: 'topic', label: entry(id)!.label, entryId: id });
        for (const o of others) chat.ask(o);
        const more = chat.ask('tell me more');
        expect(more.route).toBe('clarify');
        expect(more.options).toEqual(entry(id)!.followUps);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
