import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge, type Conversation } from '../../../widget/core/index';
import { CRISIS_KINDS } from '../../../widget/core/types';
import { expectValidReply } from '../replyContract';

/**
 * Safety messages put together from the knowledge's own lists (an intent and a harm, a personal cue
 * and a medication, a phrase of one kind of crisis) rather than taken from written questions, wrapped
 * in ordinary questions and asked in any state of a conversation. They show that wrapping and
 * conversation state do not hide what the lists name; wording the lists lack is measured by the
 * evaluation sets (test/core/evaluation.test.ts).
 */
const engine = createEngine(defaultKnowledge);
const { crisis, eligibility } = defaultKnowledge.safety;

/** Ordinary openings and endings around the message: the practice's own FAQ questions, small talk, booking. */
const wrappers = [
  ...defaultKnowledge.faq.map((e) => e.question),
  'hi there',
  'thanks for the info so far',
  'can I book a consultation next week?',
  '',
];
/** Turns that put the conversation in each state before the message. */
const states = ['what is KAP?', 'tell me more', 'is this right for me?', 'yes', 'hi', 'how much does it cost', 'can I take it with zoloft?', 'book a consultation', 'the second one', 'no thanks'];

function converse(before: string[]): Conversation {
  const chat = createConversation(engine);
  for (const t of before) chat.ask(t);
  return chat;
}

const around = (core: string, opening: string, ending: string) => [opening, core, ending].filter(Boolean).join('. ');

describe("safety messages built from the knowledge's lists, in any state", () => {
  it('routes a listed intent followed by a listed harm (e.g. "thinking about" + "not wake up") to crisis, wrapped in ordinary questions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...crisis.intents.filter((i) => !/^(not|do not|dont)\b/.test(i))),
        fc.constantFrom(...crisis.harms),
        fc.constantFrom(...wrappers),
        fc.constantFrom(...wrappers),
        fc.array(fc.constantFrom(...states), { maxLength: 4 }),
        (intent, harm, opening, ending, before) => {
          const message = around(`${intent} ${harm}`, opening, ending);
          const reply = converse(before).ask(message);
          expect(reply.route, message).toBe('crisis');
          expectValidReply(reply);
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('routes a listed phrase of each kind of crisis to crisis of that kind, with its help first', () => {
    const byKind = Object.entries(crisis.byKind ?? {}).flatMap(([kind, phrases]) => (phrases ?? []).map((p) => [kind, p] as const));
    expect(new Set(byKind.map(([k]) => k)).size).toBeGreaterThanOrEqual(CRISIS_KINDS.length - 1);
    fc.assert(
      fc.property(fc.constantFrom(...byKind), fc.constantFrom(...wrappers), fc.array(fc.constantFrom(...states), { maxLength: 3 }), ([kind, phrase], opening, before) => {
        const message = around(`please help, ${phrase} right now`, opening, '');
        const reply = converse(before).ask(message);
        expect(reply.route, message).toBe('crisis');
        expect(reply.kind, message).toBe(kind);
        expect(reply.actions[0]?.type, message).toBe('call');
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('routes a personal cue with a listed medication to eligibility with the booking action (or to crisis), never to an answer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('i am on', 'i take', 'i have been taking', 'my doctor put me on', 'currently on'),
        fc.constantFrom(...eligibility.medications.filter((m) => !m.includes('*'))),
        fc.constantFrom(...wrappers),
        fc.array(fc.constantFrom(...states), { maxLength: 4 }),
        (cue, medication, opening, before) => {
          const message = around(`${cue} ${medication}, is that a problem`, opening, '');
          const reply = converse(before).ask(message);
          expect(['eligibility', 'crisis'], message).toContain(reply.route);
          if (reply.route === 'eligibility') expect(reply.actions.some((a) => a.type === 'book')).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
