import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge } from '../../../widget/core/index';
import { createConversationMachine, type ConversationEvent } from '../../../widget/core/conversation/machine';
import { engineConfig } from '../../../widget/core/config';
import { createReplyBuilder } from '../../../widget/core/conversation/replies';
import { expectValidReply } from '../replyContract';

/**
 * One test for each general cause of the multi-turn failures of the first-contact sets
 * (docs/evaluation.md), each written in this file's own words. The conversation tests go through
 * the whole engine; the machine tests send events directly, so they show the guard alone,
 * whatever the matcher reads.
 */
const engine = createEngine(defaultKnowledge);
const fresh = () => createConversation(engine);
const entry = (id: string) => defaultKnowledge.faq.find((e) => e.id === id)!;
const replies = createReplyBuilder(defaultKnowledge);
const flow = {
  fit: defaultKnowledge.fit.questions,
  nextOf: (id: string) => entry(id)?.next,
  followUpsOf: (id: string) => entry(id)?.followUps ?? [],
};
const noDebug = { confidence: 1, runnerUp: null, runnerUpConfidence: 0 };
/** A MATCH event with one candidate, as the engine would send it. */
const match = (entryId: string, confidence: number, readings: Partial<Extract<ConversationEvent, { type: 'MATCH' }>> = {}): ConversationEvent => ({
  type: 'MATCH',
  candidates: [{ entryId, confidence }],
  ...readings,
});
function machineAfter(events: ConversationEvent[]) {
  const machine = createConversationMachine(replies, flow);
  let state = machine.initialState;
  for (const e of events) state = machine.transition(state, e);
  return { machine, state };
}

describe('a follow-up that only makes sense after the last answer', () => {
  it('offers the last answer and its follow-ups when a short question points back at it and no entry answers surely', () => {
    const chat = fresh();
    expect(chat.ask('what happens during preparation?').entryId).toBe('preparation');
    const reply = chat.ask('how long does that take');
    expect(reply.route).toBe('clarify');
    expect(reply.options[0]).toBe('preparation');
    expect(reply.options.length).toBeGreaterThan(1);
  });

  it('answers "why?" with the follow-ups of the last answer, not an entry that happens to hold the word', () => {
    const chat = fresh();
    chat.ask('is ketamine a cure?');
    for (const why of ['why?', 'how come']) {
      const reply = chat.ask(why);
      expect(reply.route).toBe('clarify');
      expect(reply.options).toEqual(entry('is-it-a-cure').followUps);
    }
  });

  it('lets a reference to the last answer break a tie between it and another entry (machine)', () => {
    const tie: ConversationEvent = { type: 'MATCH', candidates: [{ entryId: 'integration', confidence: 0.5 }, { entryId: 'why-combine', confidence: 0.49 }], refersBack: true, short: true };
    const { state } = machineAfter([{ type: 'TOPIC', entryId: 'integration' }, tie]);
    expect(state.context.reply).toMatchObject({ route: 'answer', entryId: 'integration' });
    // Without the reference, the same tie is a clarification.
    const plain = machineAfter([{ type: 'TOPIC', entryId: 'integration' }, { ...tie, refersBack: false }]);
    expect(plain.state.context.reply.route).toBe('clarify');
  });

  it('falls back as before when nothing was answered yet', () => {
    const { state } = machineAfter([match('integration', 0.1, { short: true, refersBack: true })]);
    expect(state.context.reply.route).toBe('fallback');
  });
});

describe('the fit reflection starts and stops on the words people use', () => {
  it('starts on a question whether the approach fits, repeats its question after a statement, and stops on a stop word inside a short message', () => {
    const chat = fresh();
    expect(chat.ask('does this approach fit me').route).toBe('fit-check');
    const again = chat.ask("I've been in therapy for years");
    expect(again.route).toBe('fit-check');
    expect(chat.status).toBe('fitCheck');
    const stopped = chat.ask('that is enough questions, forget it');
    expect(stopped.route).toBe('smalltalk');
    expect(stopped.text).toBe(defaultKnowledge.messages.fitCancelled);
    expect(chat.status).toBe('greeting');
  });

  it('keeps the reflection on a reaction ("hmm", "ok")', () => {
    const chat = fresh();
    chat.ask('does this approach fit me');
    expect(chat.ask('hmm').route).toBe('fit-check');
    expect(chat.ask('ok').route).toBe('fit-check');
    expect(chat.status).toBe('fitCheck');
  });

  it('answers a question during the reflection only when it asks (machine)', () => {
    const started = machineAfter([{ type: 'FIT_START' }]);
    const statement = started.machine.transition(started.state, match('is-it-a-cure', 0.8, { asks: false }));
    expect(statement.context.reply.route).toBe('fit-check');
    const question = started.machine.transition(started.state, match('is-it-a-cure', 0.8, { asks: true }));
    expect(question.context.reply).toMatchObject({ route: 'answer', entryId: 'is-it-a-cure' });
  });

  it('leaves the reflection after its closing words, so a later "yes" does not start it over', () => {
    const chat = fresh();
    let reply = chat.ask('does this approach fit me');
    for (let i = 0; i < defaultKnowledge.fit.questions.length; i++) reply = chat.choose(reply.actions.find((a) => a.value?.startsWith('fit:') && a.value !== 'fit:stop')!);
    expect(reply.text).toContain(defaultKnowledge.messages.fitEnd);
    expect(chat.status).not.toBe('fitCheck');
    expect(chat.ask('yes').route).not.toBe('fit-check');
  });
});

describe('after a safety reply', () => {
  it('keeps the eligibility reply for a follow-up pointing back at it, and answers a new question', () => {
    const chat = fresh();
    expect(chat.ask('I take lithium, can I do this?').route).toBe('eligibility');
    expect(chat.ask('so who should I go through that with').route).toBe('eligibility');
    expect(chat.ask('fine. what is integration?')).toMatchObject({ route: 'answer', entryId: 'integration' });
  });

  it('reads a request for a topic the practice does not cover as that, even when it presses', () => {
    const chat = fresh();
    chat.ask('I take lithium, can I do this?');
    expect(chat.ask('come on, just tell me the price').route).toBe('fallback');
  });

  it('meets thanks after a crisis reply with the support reply, the line still there; a shrug gets the resources again (machine)', () => {
    const crisis: ConversationEvent = { type: 'CRISIS', kind: 'self-harm', debug: noDebug };
    const thanks = machineAfter([crisis, match('integration', 0.1, { smalltalk: 'thanks', asks: false })]);
    expect(thanks.state.context.reply.route).toBe('support');
    expect(thanks.state.context.reply.text).toContain(replies.resourcesLine());
    const shrug = machineAfter([crisis, { type: 'SMALLTALK', smalltalk: 'acknowledge' }]);
    expect(shrug.state.context.reply.route).toBe('crisis');
  });

  it('answers after a crisis reply only when an entry answers surely, and gives the resources again otherwise (machine)', () => {
    const crisis: ConversationEvent = { type: 'CRISIS', kind: 'self-harm', debug: noDebug };
    expect(machineAfter([crisis, match('integration', 0.8, { asks: true })]).state.context.reply.route).toBe('answer');
    expect(machineAfter([crisis, match('integration', 0.45, { asks: false })]).state.context.reply.route).toBe('crisis');
  });

  it('gives the support reply again to more about how the visitor feels, and answers a question (machine)', () => {
    const support: ConversationEvent = { type: 'SUPPORT', debug: noDebug, candidates: [] };
    expect(machineAfter([support, match('lose-control', 0.5, { asks: false })]).state.context.reply.route).toBe('support');
    expect(machineAfter([support, match('lose-control', 0.5, { asks: true })]).state.context.reply).toMatchObject({ route: 'answer', entryId: 'lose-control' });
  });
});

describe('a short question that points back with a single word', () => {
  it('reads "that" in a question of a few words as the thing just answered, not as a new subject', () => {
    const chat = fresh();
    expect(chat.ask('will I lose control?').entryId).toBe('lose-control');
    const reply = chat.ask('how long will that last?');
    // Another entry reads "how long … last" better, but not surely: the last answer and its neighbours are offered.
    expect(reply.route).toBe('clarify');
    expect(reply.options).toContain('lose-control');
  });

  it('leaves "that" before a noun in a longer message to open a new subject', () => {
    expect(engine.intents.refersBack(engine.reader.prepare('that last appointment with my old therapist went badly, what is integration'))).toBe(false);
    expect(engine.intents.refersBack(engine.reader.prepare('how long will that last'))).toBe(true);
  });
});

describe('the topic model reading small talk', () => {
  it('is small talk in a fresh conversation, but right after an answer a question it reads so may be a follow-up (machine)', () => {
    const chatty = match('integration', 0.2, { modelIntent: 'smalltalk', asks: true, short: true });
    expect(machineAfter([chatty]).state.context.reply.route).toBe('smalltalk');
    const afterAnswer = machineAfter([match('integration', 0.9), chatty]).state.context.reply;
    expect(afterAnswer.route).not.toBe('smalltalk');
    // A remark that asks nothing is still small talk after an answer.
    expect(machineAfter([match('integration', 0.9), match('integration', 0.2, { modelIntent: 'smalltalk', asks: false })]).state.context.reply.route).toBe('smalltalk');
  });

  it('books a request to reach a human, though "an actual human" also reads as a question about the assistant', () => {
    expect(fresh().ask('how would I reach an actual human?').route).toBe('booking');
  });
});

describe('a question near some entries, not sure enough to answer', () => {
  it('offers the nearest entries as a clarification instead of the fallback, and falls back when nothing is near (machine)', () => {
    const near: ConversationEvent = { type: 'MATCH', candidates: [{ entryId: 'treatment-overview', confidence: 0.33 }, { entryId: 'preparation', confidence: 0.31 }, { entryId: 'integration', confidence: 0.1 }] };
    const reply = machineAfter([near]).state.context.reply;
    expect(reply.route).toBe('clarify');
    expect(reply.options).toEqual(['treatment-overview', 'preparation']);
    expect(machineAfter([match('treatment-overview', 0.2)]).state.context.reply.route).toBe('fallback');
  });
});

describe('distress the model reads below its support threshold', () => {
  it('meets it with the support reply when no entry answers surely, and answers a question an entry answers surely (machine)', () => {
    expect(machineAfter([match('lose-control', 0.2, { distressed: true })]).state.context.reply.route).toBe('support');
    expect(machineAfter([match('lose-control', 0.5, { distressed: true })]).state.context.reply.route).toBe('support');
    expect(machineAfter([match('lose-control', 0.9, { distressed: true })]).state.context.reply).toMatchObject({ route: 'answer', entryId: 'lose-control' });
    // Without the distress reading the same weak match is the honest fallback.
    expect(machineAfter([match('lose-control', 0.2)]).state.context.reply.route).toBe('fallback');
  });

  it('takes the reading from the model of the guard, against the configured threshold (engine)', () => {
    const withDistress = (distress: number) => createConversation(createEngine(defaultKnowledge, { config: engineConfig({ distress }) }));
    // Any reading counts at 0, none can reach 1.01: the same message, the two replies.
    expect(withDistress(0).ask('what is the capital of peru').route).toBe('support');
    expect(withDistress(1.01).ask('what is the capital of peru').route).toBe('fallback');
  });
});

describe('booking, identity and small talk in one message', () => {
  it('books when a question about the assistant comes with a request to be called', () => {
    expect(fresh().ask("you're a bot, right? could a person phone me").route).toBe('booking');
  });

  it('still gives the identity reply to a question about who is writing', () => {
    const reply = fresh().ask('am I chatting with a real person');
    expect(reply.route).toBe('smalltalk');
    expect(reply.text).toBe(defaultKnowledge.messages.identityReply);
  });

  it('answers the question of a message whose earlier sentence names a way to reach the practice or an uncovered topic', () => {
    expect(fresh().ask('I heard about this on a podcast on Saturday. What is integration?')).toMatchObject({ route: 'answer', entryId: 'integration' });
  });

  it('reads a drawn-out greeting, a reaction, and thanks beside other words as small talk', () => {
    expect(fresh().ask('heyyy').route).toBe('smalltalk');
    const oh = fresh().ask('oh.');
    expect(oh.route).toBe('smalltalk');
    expect(oh.text).toBe(defaultKnowledge.messages.acknowledgeReply);
    const chat = fresh();
    chat.ask('what is integration?');
    expect(chat.ask("I'll think it over, thank you").route).toBe('smalltalk');
  });

  it('does not read "not" as the thanks "noted"', () => {
    const intent = engine.intents.detect(engine.reader.prepare("i'm probably not going to"));
    expect(intent.kind).not.toBe('smalltalk');
  });

  it('books on a misspelled booking word alone', () => {
    expect(fresh().ask('shedule?').route).toBe('booking');
    expect(fresh().ask('consultaton').route).toBe('booking');
  });

  it('gives the booking reply again to words about the booking that no entry answers surely, and answers a question (machine)', () => {
    const book: ConversationEvent = { type: 'BOOK', debug: noDebug };
    const statement = machineAfter([book, match('integration', 0.5, { asks: false })]);
    expect(statement.state.context.reply.route).toBe('booking');
    expect(statement.state.context.reply.actions.some((a) => a.type === 'book')).toBe(true);
    expect(machineAfter([book, match('integration', 0.5, { asks: true })]).state.context.reply).toMatchObject({ route: 'answer', entryId: 'integration' });
  });

  it('keeps the last answer through an off-topic question in the middle', () => {
    const chat = fresh();
    chat.ask('what is integration?');
    expect(chat.ask("what's the weather like there").route).toBe('fallback');
    const more = chat.ask('tell me more');
    expect(more.route).toBe('clarify');
    expect(more.options).toEqual(entry('integration').followUps);
    expectValidReply(more);
  });
});
