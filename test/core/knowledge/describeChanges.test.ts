import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/knowledge/defaultKnowledge';
import { describeChanges } from '../../../widget/core/knowledge/describeChanges';

const cure = defaultKnowledge.faq.findIndex((e) => e.id === 'is-it-a-cure');
const edited = () => structuredClone(defaultKnowledge);

describe('describeChanges', () => {
  describe('with the built-in knowledge', () => {
    it('lists nothing', () => {
      expect(describeChanges(defaultKnowledge, edited())).toEqual([]);
    });
  });

  describe('with edited entries', () => {
    it('names a new entry by its id and question', () => {
      const k = edited();
      k.faq.push({ id: 'online', label: 'Online', question: 'Do you meet online?', answer: 'Yes.', alternates: [] });
      expect(describeChanges(defaultKnowledge, k)).toEqual(['New entry online (Do you meet online?).']);
    });

    it('says which fields of an entry changed, with the phrasings added and removed', () => {
      const k = edited();
      const entry = k.faq[cure]!;
      const removed = entry.alternates.shift()!;
      entry.alternates.push('Will one course of ketamine fix me for good?');
      entry.label = 'A cure?';
      const { question, label } = defaultKnowledge.faq[cure]!;
      expect(describeChanges(defaultKnowledge, k)).toEqual([
        `Entry is-it-a-cure (${question}): label "${label}" → "A cure?"; alternates added: "Will one course of ketamine fix me for good?"; alternates removed: "${removed}".`,
      ]);
    });

    it('shows a long answer in full after the change', () => {
      const k = edited();
      k.faq[cure]!.answer = 'No. '.repeat(40).trim();
      expect(describeChanges(defaultKnowledge, k)[0]).toContain(`answer changed to: "${k.faq[cure]!.answer}"`);
    });

    it('notes a removed entry and a new order', () => {
      const k = edited();
      const [first] = k.faq.splice(0, 1);
      k.faq.reverse();
      const lines = describeChanges(defaultKnowledge, k);
      expect(lines).toContain(`Removed entry ${first!.id} (${first!.question}).`);
      expect(lines).toContain('The order of the entries changed.');
    });
  });

  describe('with edited settings', () => {
    it('says each changed setting in the words of the form, old → new', () => {
      const k = edited();
      k.practice.booking.url = 'https://riverside.example/book';
      k.crisis.defaultCountry = 'GB';
      k.safety.eligibility.medications.push('newmedname');
      expect(describeChanges(defaultKnowledge, k)).toEqual([
        `Practice settings, booking link: "${defaultKnowledge.practice.booking.url}" → "https://riverside.example/book".`,
        'Practice settings, crisis numbers country: "US" → "GB".',
        'Safety → eligibility → medications: added: "newmedname".',
      ]);
    });

    it('says a removed optional setting was removed', () => {
      const k = edited();
      delete k.practice.contact;
      expect(describeChanges(defaultKnowledge, k)).toEqual(['Practice settings, contact: removed.']);
    });
  });
});
