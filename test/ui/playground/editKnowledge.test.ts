import { describe, expect, it } from 'vitest';
import { addEntry, idFromQuestion, linesToList, moveEntry, removeEntry, renameEntry, setIn, setQuestion, type Doc } from '../../../widget/playground/editKnowledge';

const doc = (): Doc => ({
  faq: [
    { id: 'a', question: 'A?', followUps: ['b'], next: 'b' },
    { id: 'b', question: 'B?' },
  ],
  fit: { followUps: ['b'] },
});

describe('editKnowledge', () => {
  describe('setIn', () => {
    it('returns a new document and leaves the old one as it was', () => {
      const before = doc();
      const after = setIn(before, ['faq', 1, 'answer'], 'Yes.');
      expect((after.faq as Doc[])[1]).toEqual({ id: 'b', question: 'B?', answer: 'Yes.' });
      expect((before.faq as Doc[])[1]).toEqual({ id: 'b', question: 'B?' });
    });

    it('removes a field set to undefined', () => {
      expect((setIn(doc(), ['faq', 0, 'next'], undefined).faq as Doc[])[0]).not.toHaveProperty('next');
    });
  });

  describe('idFromQuestion', () => {
    it('makes lowercase words joined by hyphens, at most six, not taken', () => {
      expect(idFromQuestion('Why do the conversations before and after ketamine matter?', [])).toBe('why-do-the-conversations-before-and');
      expect(idFromQuestion('Était-ce “sûr”?', [])).toBe('etait-ce-sur');
      expect(idFromQuestion('A?', ['a'])).toBe('a-2');
      expect(idFromQuestion('', [])).toBe('new-entry');
    });
  });

  describe('entries', () => {
    it('adds an empty entry at the end, whose id follows its question until it is changed', () => {
      const { doc: added, index } = addEntry(doc());
      expect(index).toBe(2);
      const asked = setQuestion(added, index, 'Do you meet online?');
      expect((asked.faq as Doc[])[2]).toMatchObject({ id: 'do-you-meet-online', question: 'Do you meet online?' });
      const renamed = renameEntry(asked, index, 'online');
      expect((setQuestion(renamed, index, 'Do you meet by video?').faq as Doc[])[2]).toMatchObject({ id: 'online' });
    });

    it('renames the follow-ups that pointed at a renamed entry', () => {
      expect((renameEntry(doc(), 1, 'bee').faq as Doc[])[0]).toEqual({ id: 'a', question: 'A?', followUps: ['bee'], next: 'bee' });
    });

    it('removes an entry and every follow-up that offered it', () => {
      const after = removeEntry(doc(), 1);
      expect(after.faq).toEqual([{ id: 'a', question: 'A?', followUps: [] }]);
      expect(after.fit).toEqual({ followUps: [] });
    });

    it('moves an entry, and not past either end', () => {
      expect((moveEntry(doc(), 1, -1).faq as Doc[]).map((e) => e.id)).toEqual(['b', 'a']);
      expect(moveEntry(doc(), 0, -1).faq).toEqual(doc().faq);
    });
  });

  describe('linesToList', () => {
    it('drops blank lines and trims each line', () => {
      expect(linesToList('  one \n\n two\n')).toEqual(['one', 'two']);
    });
  });
});
