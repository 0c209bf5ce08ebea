import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, loadSession, MAX_STORED_MESSAGES, saveSession, STORAGE_KEY, type SavedSession } from '../../../widget/embed/sessionStore';
import { book, replies, reply, topic } from '../fixtures';

const session: SavedSession = {
  open: true,
  messages: [
    { role: 'assistant', reply: reply({ route: 'smalltalk', text: 'Hi!', actions: [topic('What is KAP?')] }) },
    { role: 'visitor', text: 'What is KAP?', action: topic('What is KAP?') },
    { role: 'assistant', reply: reply({ route: 'answer', entryId: 'what-is-kap', text: 'KAP is…', actions: [book] }) },
    { role: 'visitor', text: '<b>typed</b>' },
  ],
};

beforeEach(() => sessionStorage.clear());

describe('sessionStore', () => {
  describe('a saved session', () => {
    it('loads back as it was saved', () => {
      saveSession(sessionStorage, session);
      expect(loadSession(sessionStorage)).toEqual(session);
    });

    it('keeps the kind of a crisis reply and the language of its links', () => {
      const medical = { role: 'assistant' as const, reply: replies.crisis(undefined, 'medical') };
      const selfHarm = { role: 'assistant' as const, reply: replies.crisis(undefined, 'self-harm') };
      saveSession(sessionStorage, { open: true, messages: [medical, selfHarm] });
      const [first, second] = loadSession(sessionStorage)!.messages;
      expect(first).toEqual(medical);
      expect(second).toEqual(selfHarm);
      expect(second!.role === 'assistant' && second!.reply.actions.some((a) => a.lang === 'es')).toBe(true);
    });

    it('keeps a half-typed question', () => {
      saveSession(sessionStorage, { ...session, draft: 'Is ketamine' });
      expect(loadSession(sessionStorage)?.draft).toBe('Is ketamine');
    });

    it('is kept under the one key, and nothing else is written', () => {
      saveSession(sessionStorage, session);
      expect(Object.keys(sessionStorage)).toEqual([STORAGE_KEY]);
      expect(localStorage.length).toBe(0);
      expect(document.cookie).toBe('');
    });

    it('leaves out the matcher debug data', () => {
      const debug = { confidence: 0.9, runnerUp: null, runnerUpConfidence: 0 };
      saveSession(sessionStorage, { open: false, messages: [{ role: 'assistant', reply: reply({ debug }) }] });
      expect(sessionStorage.getItem(STORAGE_KEY)).not.toContain('confidence');
    });

    it('keeps only the newest messages', () => {
      const many = Array.from({ length: MAX_STORED_MESSAGES + 10 }, (_, i) => ({ role: 'visitor' as const, text: `q${i}` }));
      saveSession(sessionStorage, { open: false, messages: many });
      const loaded = loadSession(sessionStorage)!;
      expect(loaded.messages).toHaveLength(MAX_STORED_MESSAGES);
      expect(loaded.messages[0]).toEqual({ role: 'visitor', text: 'q10' });
    });
  });

  describe('bad or old stored data', () => {
    it.each([
      ['not JSON', '{oops'],
      ['JSON null', 'null'],
      ['an old version', JSON.stringify({ v: 0, open: true, messages: [] })],
      ['no messages', JSON.stringify({ v: 1, open: true, messages: [] })],
      ['a wrong open flag', JSON.stringify({ v: 1, open: 'yes', messages: [{ role: 'visitor', text: 'hi' }] })],
      ['an unknown role', JSON.stringify({ v: 1, open: true, messages: [{ role: 'admin', text: 'hi' }] })],
      ['an unknown route', JSON.stringify({ v: 1, open: true, messages: [{ role: 'assistant', reply: { ...reply(), route: 'nope' } }] })],
      ['a bad action', JSON.stringify({ v: 1, open: true, messages: [{ role: 'assistant', reply: reply({ actions: [{ type: 'script', label: 'x' }] as never }) }] })],
      ['an unknown kind of crisis', JSON.stringify({ v: 1, open: true, messages: [{ role: 'assistant', reply: { ...reply({ route: 'crisis' }), kind: 'boredom' } }] })],
      ['a link language that is not text', JSON.stringify({ v: 1, open: true, messages: [{ role: 'assistant', reply: reply({ actions: [{ type: 'call', label: 'x', href: 'tel:988', lang: 2 }] as never }) }] })],
      ['a number as text', JSON.stringify({ v: 1, open: true, messages: [{ role: 'visitor', text: 42 }] })],
    ])('is discarded and removed when it is %s', (_, raw) => {
      sessionStorage.setItem(STORAGE_KEY, raw);
      expect(loadSession(sessionStorage)).toBeNull();
      expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    });
  });

  describe('storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;

    it('never throws', () => {
      expect(loadSession(throwing)).toBeNull();
      expect(() => saveSession(throwing, session)).not.toThrow();
      expect(() => clearSession(throwing)).not.toThrow();
    });
  });

  describe('no storage at all', () => {
    it('loads nothing and saves nowhere', () => {
      expect(loadSession(null)).toBeNull();
      expect(() => saveSession(null, session)).not.toThrow();
    });
  });

  describe('clearSession', () => {
    it('removes the key', () => {
      saveSession(sessionStorage, session);
      clearSession(sessionStorage);
      expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    });
  });
});
