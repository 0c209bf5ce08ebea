import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge } from '../../../widget/core/index';
import { createConversationMachine, type ConversationEvent } from '../../../widget/core/conversation/machine';
import { DEFAULT_CONFIG } from '../../../widget/core/config';
const WEAK_SIGNALS_FOR_CRISIS = DEFAULT_CONFIG.weakSignalsForCrisis;
import { createReplyBuilder } from '../../../widget/core/conversation/replies';

const engine = createEngine(defaultKnowledge);
const replies = createReplyBuilder(defaultKnowledge);
const entryIds = defaultKnowledge.faq.map((e) => e.id);

describe('the conversation machine keeps its context', () => {
  it('remembers the last answered entry across small talk, so "tell me more" still offers its follow-ups', () => {
    const chat = createConversation(engine);
    const answer = chat.ask('what is integration?');
    expect(answer.entryId).toBe('integration');
    chat.ask('thanks');
    const more = chat.ask('tell me more');
    expect(more.route).toBe('clarify');
    expect(more.options.length).toBeGreaterThan(0);
  });

  it('forgets the reflection\'s choices when a greeting leaves it (a case the random walk found)', () => {
    const machine = createConversationMachine(replies, { fit: defaultKnowledge.fit.questions, nextOf: () => undefined, followUpsOf: () => [] });
    let state = machine.transition(machine.initialState, { type: 'FIT_START' });
    state = machine.transition(state, { type: 'CHOOSE', index: 0 });
    expect(state.context.fitValues).toHaveLength(1);
    state = machine.transition(state, { type: 'SMALLTALK', smalltalk: 'greeting' });
    expect(state.value).toBe('smalltalk');
    expect(state.context.fitValues).toEqual([]);
  });

  it('keeps lastEntryId, options and fitValues through every transition that does not change them (property)', () => {
    const machine = createConversationMachine(replies, { fit: defaultKnowledge.fit.questions, nextOf: () => undefined, followUpsOf: () => [] });
    const event = fc.oneof(
      fc.constantFrom(...entryIds).map((entryId): ConversationEvent => ({ type: 'TOPIC', entryId })),
      fc.constant<ConversationEvent>({ type: 'SMALLTALK', smalltalk: 'thanks' }),
      fc.constant<ConversationEvent>({ type: 'EMPTY' }),
      fc.constant<ConversationEvent>({ type: 'MORE' }),
      fc.constant<ConversationEvent>({ type: 'BOOK', debug: { confidence: 1, runnerUp: null, runnerUpConfidence: 0 } }),
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 12 }), (events) => {
        let state = machine.initialState;
        let lastTopic: string | null = null;
        for (const e of events) {
          state = machine.transition(state, e);
          if (e.type === 'TOPIC') lastTopic = e.entryId;
          expect(state.context.lastEntryId).toBe(lastTopic);
          expect(Array.isArray(state.context.fitValues)).toBe(true);
          if (state.context.reply.route === 'clarify') expect(state.context.reply.options.length).toBeGreaterThan(0);
        }
      }),
      // Fixed, as in the other property tests: every run tries the same cases.
      { seed: 20261202 },
    );
  });

  it(`turns ${WEAK_SIGNALS_FOR_CRISIS} turns with a weak risk signal into the crisis route, and offers the resources on the first`, () => {
    const machine = createConversationMachine(replies, { fit: defaultKnowledge.fit.questions, nextOf: () => undefined, followUpsOf: () => [] });
    let state = machine.transition(machine.initialState, { type: 'TOPIC', entryId: 'what-is-kap', weak: true });
    expect(state.context.reply.route).toBe('answer');
    expect(state.context.reply.text).toContain(replies.resourcesLine());
    state = machine.transition(state, { type: 'EMPTY', weak: true });
    expect(state.context.reply.route).toBe('crisis');
    expect(state.context.reply.actions.some((a) => a.href === 'tel:988' || a.href === 'tel:911')).toBe(true);
  });

  it('does not add up turns without a signal', () => {
    const machine = createConversationMachine(replies, { fit: defaultKnowledge.fit.questions, nextOf: () => undefined, followUpsOf: () => [] });
    let state = machine.transition(machine.initialState, { type: 'TOPIC', entryId: 'what-is-kap', weak: true });
    state = machine.transition(state, { type: 'TOPIC', entryId: 'integration' });
    expect(state.context.reply.route).toBe('answer');
    expect(state.context.reply.text).not.toContain(replies.resourcesLine());
  });
});
