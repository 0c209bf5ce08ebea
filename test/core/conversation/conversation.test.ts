import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge, type ReplyAction } from '../../../widget/core/index';
import { expectValidReply } from '../replyContract';

const engine = createEngine(defaultKnowledge);
const fresh = () => createConversation(engine);

describe('createConversation', () => {
  describe('when a visitor asks an FAQ question', () => {
    it('answers with the entry and offers its follow-ups', () => {
      const reply = fresh().ask('is ketamine a cure?');
      expect(reply).toMatchObject({ route: 'answer', entryId: 'is-it-a-cure' });
      expect(reply.text).toContain('not a cure');
      expect(reply.actions.every((a) => a.type === 'topic')).toBe(true);
      expectValidReply(reply);
    });

    it('reads misspellings and abbreviations', () => {
      expect(fresh().ask('wat is intergration?')).toMatchObject({ route: 'answer', entryId: 'integration' });
      expect(fresh().ask('do u have to take ketamin to see u')).toMatchObject({ route: 'answer', entryId: 'ketamine-required' });
    });
  });

  describe('when the visitor types markup', () => {
    it('reads the words, not the tags', () => {
      expect(fresh().ask('<b>what is KAP?</b>')).toMatchObject({ route: 'answer', entryId: 'what-is-kap' });
      expect(fresh().ask('<script>alert(1)</script>').route).toBe('fallback');
    });
  });

  describe('when the knowledge has no answer', () => {
    it.each(['Do you take Aetna?', 'how much does a session cost', 'how much is a session', 'where is your office', 'qwertyuiop'])('falls back honestly on %j', (q) => {
      const reply = fresh().ask(q);
      expect(reply.route).toBe('fallback');
      expect(reply.entryId).toBeNull();
      expect(reply.actions.some((a) => a.type === 'book')).toBe(true);
      expectValidReply(reply);
    });
  });

  describe('with safety routes', () => {
    it('answers an eligibility question with the booking action and no verdict', () => {
      const reply = fresh().ask('Can I take ketamine if I am on Lexapro?');
      expect(reply.route).toBe('eligibility');
      expect(reply.text).toMatch(/prescribing clinician/);
      expect(reply.text).not.toMatch(/^(?:yes|no)\b/i);
      expectValidReply(reply);
    });

    it('gives crisis resources with call actions for 988 and 911', () => {
      const reply = fresh().ask('I want to end my life');
      expect(reply.route).toBe('crisis');
      expectValidReply(reply);
    });

    it('checks the label of a chosen quick reply too', () => {
      const action: ReplyAction = { type: 'topic', label: 'Can I take it with Zoloft?', entryId: 'is-it-safe' };
      expect(fresh().choose(action).route).toBe('eligibility');
    });
  });

  describe('with small talk and booking', () => {
    it('answers greetings, thanks and goodbyes as small talk', () => {
      for (const q of ['hi', 'thanks, that helps', 'bye!']) expect(fresh().ask(q).route).toBe('smalltalk');
    });

    it('routes a wish to book to the booking reply', () => {
      const reply = fresh().ask("I'd like to schedule a consultation");
      expect(reply.route).toBe('booking');
      expect(reply.actions[0]).toMatchObject({ type: 'book', href: defaultKnowledge.practice.booking.url });
    });
  });

  describe('across turns', () => {
    it('offers the follow-ups of the last answer on "tell me more" and takes "the first one"', () => {
      const chat = fresh();
      chat.ask('what is KAP?');
      const more = chat.ask('tell me more');
      expect(more.route).toBe('clarify');
      expect(more.options).toEqual(defaultKnowledge.faq.find((e) => e.id === 'what-is-kap')!.followUps);
      expect(chat.ask('the first one')).toMatchObject({ route: 'answer', entryId: more.options[0] });
    });

    it('answers a short follow-up about the same subject', () => {
      const chat = fresh();
      chat.ask('what happens in the ketamine sessions?');
      expect(chat.ask('who prescribes it?')).toMatchObject({ route: 'answer', entryId: 'ketamine-sessions' });
    });

    it('answers a chosen topic', () => {
      const chat = fresh();
      const topic = chat.greeting.actions.find((a) => a.entryId)!;
      expect(chat.choose(topic)).toMatchObject({ route: 'answer', entryId: topic.entryId });
    });

    it('starts over on reset', () => {
      const chat = fresh();
      chat.ask('I want to end my life');
      expect(chat.status).toBe('crisis');
      chat.reset();
      expect(chat.status).toBe('greeting');
    });
  });

  describe('the fit reflection', () => {
    it('asks each fit question and ends at the consultation, never at a verdict', () => {
      const chat = fresh();
      let reply = chat.choose(chat.greeting.actions.find((a) => a.value === 'fit-check')!);
      expect(reply.route).toBe('fit-check');
      for (let i = 0; i < defaultKnowledge.fit.questions.length; i++) {
        expect(chat.status).toBe('fitCheck');
        const choice = reply.actions.find((a) => a.value?.startsWith('fit:'))!;
        reply = chat.choose(choice);
      }
      expect(reply.route).toBe('fit-check');
      expect(reply.actions.some((a) => a.type === 'book')).toBe(true);
      expect(reply.text).toContain(defaultKnowledge.messages.fitEnd);
      expect(reply.text).not.toMatch(/\b(?:you are eligible|you qualify|you can take)\b/i);
    });

    it('accepts a typed choice and lets safety interrupt it', () => {
      const chat = fresh();
      chat.ask('is this a fit for me?');
      expect(chat.status).toBe('fitCheck');
      const first = defaultKnowledge.fit.questions[0]!.choices[0]!.label;
      expect(chat.ask(first).route).toBe('fit-check');
      expect(chat.ask('I take lithium, is that ok?').route).toBe('eligibility');
      expect(chat.status).toBe('eligibility');
    });
  });
});

describe("createEngine, warmed in steps (as the loader's app does)", () => {
  // Every phrasing of every entry, so the read-ahead of the FAQ's texts is exercised on all of them.
  const phrasings = defaultKnowledge.faq.flatMap((e) => [e.question, ...e.alternates]);
  const matchesOf = (e: ReturnType<typeof createEngine>) => phrasings.map((p) => e.matcher.match(e.reader.prepare(p)).slice(0, 3));

  it('matches every phrasing as an engine built at once does', () => {
    const stepped = createEngine(defaultKnowledge);
    for (const step of stepped.warmSteps()) step();
    expect(matchesOf(stepped)).toEqual(matchesOf(createEngine(defaultKnowledge)));
  });

  it("reads every phrase of the safety lists as the guard of an engine built at once does", () => {
    // The lists' phrases are read ahead in steps of their own; the guard must not tell the difference.
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(texts) : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    const questions = texts(defaultKnowledge.safety).map((phrase) => `i think ${phrase.replace(/\*/g, 'al')} now`);
    const verdicts = (e: ReturnType<typeof createEngine>) => questions.map((q) => e.guard.check(e.reader.prepare(q)));
    const stepped = createEngine(defaultKnowledge);
    for (const step of stepped.warmSteps()) step();
    expect(verdicts(stepped)).toEqual(verdicts(createEngine(defaultKnowledge)));
  });

  it('matches the same when a question builds the matcher halfway through the steps', () => {
    const hurried = createEngine(defaultKnowledge);
    const steps = hurried.warmSteps();
    for (const step of steps.slice(0, 5)) step();
    const first = matchesOf(hurried);
    for (const step of steps.slice(5)) step();
    expect(matchesOf(hurried)).toEqual(first);
    expect(first).toEqual(matchesOf(engine));
  });
});
