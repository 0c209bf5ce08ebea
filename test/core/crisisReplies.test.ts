/**
 * The crisis, support and help replies of the reply builder (widget/core/conversation/replies.ts),
 * with the country presets of the default knowledge. Kept out of test/core/conversation/, which
 * tests the engine and the state machine.
 */
import { describe, expect, it } from 'vitest';
import { CRISIS_KINDS, defaultKnowledge, type CrisisKind, type Knowledge } from '../../widget/core/index';
import { createReplyBuilder, crisisCountry } from '../../widget/core/conversation/replies';
import { digitsOf, expectValidReply } from './replyContract';

const us = createReplyBuilder(defaultKnowledge);
const hrefs = (actions: { href?: string }[]) => actions.map((a) => a.href);
/** The numbers of a text in the order they appear, as dialled: "1-800-222-1222" → "18002221222". */
const numbersIn = (text: string) => [...digitsOf(text).matchAll(/\d{3,}/g)].map((m) => m[0]);
const withDefaultCountry = (code: string): Knowledge => ({ ...defaultKnowledge, crisis: { ...defaultKnowledge.crisis, defaultCountry: code } });

describe('createReplyBuilder', () => {
  describe('crisis replies with the US preset', () => {
    it.each<[CrisisKind, string[]]>([
      ['self-harm', ['tel:988', 'sms:988', 'tel:911', 'tel:988']],
      ['medical', ['tel:911', 'tel:18002221222']],
      ['violence', ['tel:911', 'tel:18007997233', 'sms:88788']],
      ['someone-else', ['tel:988', 'sms:988', 'tel:911', 'tel:988']],
      ['harm-to-others', ['tel:911', 'tel:988', 'sms:988', 'tel:988']],
    ])('gives a %s crisis its resources in the order it needs them', (kind, expected) => {
      const reply = us.crisis(undefined, kind);
      expect(reply).toMatchObject({ route: 'crisis', kind });
      expect(hrefs(reply.actions)).toEqual(expected);
      expect(reply.actions.every((a) => a.type === 'call')).toBe(true);
    });

    it('puts 911 first for a medical emergency, in the actions and in the words', () => {
      const reply = us.crisis(undefined, 'medical');
      expect(reply.actions[0]).toEqual({ type: 'call', label: 'Call 911', href: 'tel:911' });
      expect(numbersIn(reply.text)[0]).toBe('911');
      expect(reply.text).toMatch(/awake and breathing, Poison Control/);
    });

    it('tells someone worried about another person what to do now: stay, 988, then 911 in danger', () => {
      const { text } = us.crisis(undefined, 'someone-else');
      expect(text.indexOf('Stay with them')).toBeLessThan(text.indexOf('988'));
      expect(text.indexOf('988')).toBeLessThan(text.indexOf('911'));
    });

    it('names the domestic violence hotline by call and by text after 911', () => {
      expect(numbersIn(us.crisis(undefined, 'violence').text)).toEqual(['911', '18007997233', '88788']);
    });

    it('is a self-harm reply when no kind is given', () => {
      expect(us.crisis()).toMatchObject({ route: 'crisis', kind: 'self-harm' });
      expect(hrefs(us.crisis().actions).slice(0, 3)).toEqual(['tel:988', 'sms:988', 'tel:911']);
    });

    it('keeps the debug information it is given', () => {
      const debug = { confidence: 1, runnerUp: null, runnerUpConfidence: 0, trigger: 'phrase: end my life' };
      expect(us.crisis(debug, 'self-harm').debug).toBe(debug);
    });

    it('offers the Spanish line of 988 wherever 988 is offered, marked as Spanish', () => {
      for (const kind of CRISIS_KINDS) {
        const reply = us.crisis(undefined, kind);
        const spanish = reply.actions.filter((a) => a.lang === 'es');
        const offers988 = reply.actions.some((a) => a.href === 'tel:988' && !a.lang);
        expect(spanish.map((a) => [a.href, /marque 2/.test(a.label)])).toEqual(offers988 ? [['tel:988', true]] : []);
      }
    });

    it('stays brief: the lead and two short sentences', () => {
      for (const kind of CRISIS_KINDS) expect(us.crisis(undefined, kind).text.length).toBeLessThanOrEqual(450);
    });
  });

  describe.each(Object.keys(defaultKnowledge.crisis.countries))('crisis replies with the %s preset', (code) => {
    const replies = createReplyBuilder(defaultKnowledge, { country: code });

    it.each(CRISIS_KINDS)('keeps the reply contract for %s', (kind) => {
      const reply = replies.crisis(undefined, kind);
      expectValidReply(reply);
      expect(reply.kind).toBe(kind);
    });

    it('names its emergency number in every reply', () => {
      const emergency = crisisCountry(defaultKnowledge, code).resources.emergency!.number!;
      for (const kind of CRISIS_KINDS) expect(replies.crisis(undefined, kind).text).toContain(emergency);
    });

    it('puts the emergency number first for a medical emergency', () => {
      const reply = replies.crisis(undefined, 'medical');
      const emergency = crisisCountry(defaultKnowledge, code).resources.emergency!.number!;
      expect(reply.actions[0]!.href).toBe(`tel:${emergency}`);
      expect(numbersIn(reply.text)[0]).toBe(emergency);
    });
  });

  describe('choosing the country', () => {
    it('uses the country it is given', () => {
      expect(hrefs(createReplyBuilder(defaultKnowledge, { country: 'GB' }).crisis().actions)).toEqual(['tel:116123', 'sms:85258', 'tel:999']);
      expect(hrefs(createReplyBuilder(defaultKnowledge, { country: 'AU' }).crisis(undefined, 'medical').actions)).toEqual(['tel:000']);
      expect(hrefs(createReplyBuilder(defaultKnowledge, { country: 'EU' }).crisis().actions)).toEqual(['tel:116123', 'tel:112']);
      expect(hrefs(createReplyBuilder(defaultKnowledge, { country: 'CA' }).crisis().actions)).toEqual(['tel:988', 'sms:988', 'tel:911']);
    });

    it("uses the knowledge's default country without one", () => {
      expect(createReplyBuilder(withDefaultCountry('GB')).crisis(undefined, 'medical').actions[0]!.href).toBe('tel:999');
    });

    it("falls back to the knowledge's default for a country it does not have", () => {
      expect(createReplyBuilder(defaultKnowledge, { country: 'XX' }).crisis()).toEqual(us.crisis());
      expect(createReplyBuilder(defaultKnowledge, { country: 'constructor' }).crisis()).toEqual(us.crisis());
    });

    it('gives a kind the country does not order its general help', () => {
      const knowledge = structuredClone(defaultKnowledge);
      delete knowledge.crisis.countries.GB!.kinds!.violence;
      const reply = createReplyBuilder(knowledge, { country: 'GB' }).crisis(undefined, 'violence');
      expect(reply.kind).toBe('violence');
      expect(hrefs(reply.actions)).toEqual(['tel:116123', 'sms:85258', 'tel:111', 'tel:999']);
      expect(reply.text.startsWith(knowledge.crisis.countries.GB!.help.lead)).toBe(true);
    });
  });

  describe('the support reply', () => {
    it("is warm, ends with the country's crisis line and offers the consultation", () => {
      const reply = createReplyBuilder(defaultKnowledge, { country: 'GB' }).support();
      expect(reply.route).toBe('support');
      expect(reply.text.startsWith(defaultKnowledge.messages.support)).toBe(true);
      expect(reply.text.endsWith(defaultKnowledge.crisis.countries.GB!.line)).toBe(true);
      expect(reply.actions).toEqual([{ type: 'book', label: defaultKnowledge.practice.booking.label, href: defaultKnowledge.practice.booking.url }]);
      expectValidReply(reply);
    });
  });

  describe('the resources line', () => {
    it("is the country's one sentence with its numbers", () => {
      expect(us.resourcesLine()).toBe(defaultKnowledge.crisis.countries.US!.line);
      expect(us.resourcesLine()).toMatch(/988.*911/);
      expect(createReplyBuilder(defaultKnowledge, { country: 'AU' }).resourcesLine()).toMatch(/13 11 14.*000/);
    });
  });

  describe('the help card', () => {
    it("shows the country's general help before any crisis reply", () => {
      const help = us.help();
      expect(help.route).toBe('crisis');
      expect(help.kind).toBeUndefined();
      expect(help.text).toBe(defaultKnowledge.crisis.countries.US!.help.lead);
      expect(hrefs(help.actions)).toEqual(['tel:988', 'sms:988', 'tel:911', 'tel:988']);
    });

    it('shows the resources of the kind it is given, in that order', () => {
      expect(us.help('medical')).toMatchObject({ kind: 'medical', actions: us.crisis(undefined, 'medical').actions });
      expect(createReplyBuilder(defaultKnowledge, { country: 'GB' }).help().actions.at(-1)!.href).toBe('tel:999');
    });
  });

  describe('the fallback', () => {
    it('points to the "Need help now?" control by its label', () => {
      expect(us.fallback('unknown').text).toContain(`“${defaultKnowledge.ui.helpButton}”`);
      expect(us.fallback('out-of-scope').text).toContain(defaultKnowledge.ui.helpButton);
      expect(us.fallback('empty').text).toBe(defaultKnowledge.messages.fallbackEmpty);
    });
  });

  describe('the disclaimer', () => {
    it("adds the country's crisis line to the practice's words", () => {
      expect(createReplyBuilder(defaultKnowledge, { country: 'GB' }).disclaimer()).toBe(
        `${defaultKnowledge.messages.disclaimer} ${defaultKnowledge.crisis.countries.GB!.line}`,
      );
    });
  });
});
