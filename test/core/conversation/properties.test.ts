import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge, type Conversation } from '../../../widget/core/index';
import { expectValidReply } from '../replyContract';

/**
 * Properties of a whole conversation: whatever a visitor did before, the safety routes still hold.
 * The safety messages are this file's own lists, so the properties show that no earlier turn gets
 * around the guard; how well it reads wording nobody listed is measured by the evaluation sets
 * (test/core/evaluation.test.ts).
 */
const engine = createEngine(defaultKnowledge);
/** A fixed seed: every run tries the same cases, so a failure shows up in every run, not in one of many. */
const SEED = 20261202;

const ELIGIBILITY = [
  "I'm on Zoloft, can I do this?",
  'is ketamine safe for me? i have high blood pressure',
  'im pregnant',
  'how many mg will I get',
  'am i a candidate for ketamine',
  'should i stop my meds first',
  'I have epilepsy',
  'im 16',
];
const CRISIS = ['I want to end my life', 'i want to kill myself', 'im thinking of hurting myself', 'there is no point in living', 'kms'];
const TURNS = [
  'what is kap',
  'tell me more',
  'the second one',
  'is this a fit for me?',
  'Yes',
  'Not sure',
  'stop',
  'hi',
  'book a consultation',
  'do you take insurance',
  'who prescribes it?',
  '',
  ...ELIGIBILITY,
  ...CRISIS,
];

/** A visitor's turn: typed text, or a quick reply offered by the last reply. */
const turn = fc.oneof(fc.constantFrom(...TURNS).map((t) => ({ typed: t })), fc.nat().map((n) => ({ pick: n })), fc.string().map((t) => ({ typed: t })));

function play(chat: Conversation, turns: Array<{ typed?: string; pick?: number }>) {
  let last = chat.greeting;
  for (const t of turns) {
    if (t.typed !== undefined) last = chat.ask(t.typed);
    else if (last.actions.length) last = chat.choose(last.actions[t.pick! % last.actions.length]!);
    expectValidReply(last);
  }
}

describe('conversation properties', () => {
  it('routes each listed eligibility question to eligibility with a book action, after any turns', () => {
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 8 }), fc.constantFrom(...ELIGIBILITY), (turns, question) => {
        const chat = createConversation(engine);
        play(chat, turns);
        const reply = chat.ask(question);
        expect(reply.route).toBe('eligibility');
        expect(reply.actions.some((a) => a.type === 'book')).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('routes each listed crisis message to crisis, after any turns', () => {
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 8 }), fc.constantFrom(...CRISIS), (turns, question) => {
        const chat = createConversation(engine);
        play(chat, turns);
        const reply = chat.ask(question);
        expect(reply.route).toBe('crisis');
        expectValidReply(reply);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('never throws and always returns a valid reply, whatever the string', () => {
    const odd = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', ' ', '\u0000', '\uD800', '\uDC00abc', 'مرحبا كيف حالك', 'שלום', '🙂🙃💊🔥', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;b&gt;'),
    );
    fc.assert(
      fc.property(odd, (text) => {
        expectValidReply(createConversation(engine).ask(text));
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('answers a 100,000-character message', () => {
    const huge = 'what is integration? '.repeat(5000).slice(0, 100_000);
    expectValidReply(createConversation(engine).ask(huge));
    expectValidReply(createConversation(engine).ask('x'.repeat(100_000)));
  });
});
