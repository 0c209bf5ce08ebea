import { describe, expect, it } from 'vitest';
import { createConversation, defaultKnowledge, type Knowledge } from '../../../widget/core/index';
import { mergeKnowledge } from '../../../widget/core/knowledge/mergeKnowledge';
import { validateKnowledgeDocument } from '../../../widget/core/knowledge/validateKnowledge';

const merged = (partial: unknown) => mergeKnowledge(defaultKnowledge, partial) as Knowledge;

describe('mergeKnowledge', () => {
  describe('with changed settings', () => {
    it('replaces only the fields given', () => {
      const k = merged({ practice: { booking: { url: 'https://practice.example/book' } } });
      expect(k.practice.booking.url).toBe('https://practice.example/book');
      expect(k.practice.booking.label).toBe(defaultKnowledge.practice.booking.label);
      expect(k.practice.name).toBe(defaultKnowledge.practice.name);
    });

    it('corrects one crisis number and keeps the rest of the country', () => {
      const k = merged({ crisis: { countries: { US: { resources: { 'poison-control': { number: '1 800 222 1222' } } } } } });
      const us = k.crisis.countries.US!;
      expect(us.resources['poison-control']).toEqual({ ...defaultKnowledge.crisis.countries.US!.resources['poison-control'], number: '1 800 222 1222' });
      expect(us.kinds).toEqual(defaultKnowledge.crisis.countries.US!.kinds);
      expect(Object.keys(k.crisis.countries)).toEqual(Object.keys(defaultKnowledge.crisis.countries));
      expect(validateKnowledgeDocument(k).ok).toBe(true);
    });

    it('adds a country and makes it the default', () => {
      const nz = {
        name: 'New Zealand',
        line: 'If you are struggling, you can call or text 1737 any time. In an emergency, call 111.',
        resources: { emergency: { kind: 'call', label: 'Call 111', number: '111' }, talk: { kind: 'call', label: 'Call 1737', number: '1737' } },
        help: { lead: 'Call or text 1737 to talk with someone now. In immediate danger, call 111.', resources: ['talk', 'emergency'] },
      };
      const k = merged({ crisis: { defaultCountry: 'NZ', countries: { NZ: nz } } });
      expect(k.crisis.defaultCountry).toBe('NZ');
      expect(k.crisis.countries.NZ).toEqual(nz);
      expect(k.crisis.countries.US).toEqual(defaultKnowledge.crisis.countries.US);
      expect(validateKnowledgeDocument(k).ok).toBe(true);
    });

    it('replaces the order of resources for a kind', () => {
      const k = merged({ crisis: { countries: { GB: { kinds: { violence: { resources: ['emergency'] } } } } } });
      expect(k.crisis.countries.GB!.kinds!.violence).toEqual({ ...defaultKnowledge.crisis.countries.GB!.kinds!.violence, resources: ['emergency'] });
    });
  });

  describe('with FAQ entries', () => {
    it('changes one field of an entry matched by id', () => {
      const k = merged({ faq: [{ id: 'is-it-a-cure', answer: 'No, it is not a cure.' }] });
      const entry = k.faq.find((e) => e.id === 'is-it-a-cure')!;
      expect(entry.answer).toBe('No, it is not a cure.');
      expect(entry.alternates).toEqual(defaultKnowledge.faq.find((e) => e.id === 'is-it-a-cure')!.alternates);
      expect(k.faq).toHaveLength(defaultKnowledge.faq.length);
    });

    it('adds an entry with a new id at the end', () => {
      const entry = { id: 'new-topic', label: 'New', question: 'A new question?', answer: 'An answer.', alternates: ['one', 'two'] };
      const k = merged({ faq: [entry] });
      expect(k.faq.at(-1)).toEqual(entry);
    });
  });

  describe('with safety words', () => {
    it('adds to the defaults and never removes one', () => {
      const k = merged({ safety: { eligibility: { medications: ['newdrugname'] }, crisis: { phrases: [] } } });
      expect(k.safety.eligibility.medications).toEqual([...defaultKnowledge.safety.eligibility.medications, 'newdrugname']);
      expect(k.safety.crisis.phrases).toEqual(defaultKnowledge.safety.crisis.phrases);
    });
  });

  it('takes a complete document as it is', () => {
    const complete = { ...structuredClone(defaultKnowledge), faq: defaultKnowledge.faq.slice(1) };
    expect(merged(complete)).toBe(complete);
  });

  it('leaves the base knowledge untouched', () => {
    const before = JSON.stringify(defaultKnowledge);
    merged({ practice: { name: 'Other' }, faq: [{ id: 'what-is-kap', answer: 'x' }], safety: { crisis: { phrases: ['x'] } } });
    expect(JSON.stringify(defaultKnowledge)).toBe(before);
  });
});

describe('mergeKnowledge, editing the out-of-scope words', () => {
  const feesEntry = {
    id: 'fees',
    label: 'Fees',
    question: 'What are your fees?',
    answer: 'A session costs what the practice says it costs.',
    alternates: ['how much does a session cost', 'what do you charge', 'price of a session'],
    keywords: ['fees', 'cost', 'price', 'charge'],
  };
  const removed = ['cost', 'costs', 'price', 'prices', 'pricing', 'fee', 'fees', 'charge', 'charges', 'how much does it cost', 'how much does a session', 'how much is a session', 'how much do you charge'];

  it('removes words from the defaults with { remove }, and a practice\'s own fees entry then answers', () => {
    const k = mergeKnowledge(defaultKnowledge, { faq: [feesEntry], intents: { outOfScope: { remove: removed } } }) as typeof defaultKnowledge;
    expect(k.intents.outOfScope).not.toContain('fees');
    expect(k.intents.outOfScope).toContain('insurance');
    expect(validateKnowledgeDocument(k).ok).toBe(true);
    expect(createConversation(k).ask('how much does a session cost?')).toMatchObject({ route: 'answer', entryId: 'fees' });
    // without the edit, the default out-of-scope words keep the honest fallback
    const unchanged = mergeKnowledge(defaultKnowledge, { faq: [feesEntry] }) as typeof defaultKnowledge;
    expect(unchanged.intents.outOfScope).toContain('fees');
    // …but the entry's own phrasing answers past an out-of-scope word
    expect(createConversation(unchanged).ask('What are your fees?')).toMatchObject({ route: 'answer', entryId: 'fees' });
  });

  it('replaces the list with { replace }, and adds to it with a plain list', () => {
    const replaced = mergeKnowledge(defaultKnowledge, { intents: { outOfScope: { replace: ['parking'] } } }) as typeof defaultKnowledge;
    expect(replaced.intents.outOfScope).toEqual(['parking']);
    const added = mergeKnowledge(defaultKnowledge, { intents: { outOfScope: ['valet'] } }) as typeof defaultKnowledge;
    expect(added.intents.outOfScope).toContain('valet');
    expect(added.intents.outOfScope).toContain('fees');
  });

  it('never removes safety words: { remove } in safety is not an edit', () => {
    const k = mergeKnowledge(defaultKnowledge, { safety: { crisis: { phrases: { remove: ['kill myself'] } } } }) as typeof defaultKnowledge;
    expect(validateKnowledgeDocument(k).ok).toBe(false);
  });
});
