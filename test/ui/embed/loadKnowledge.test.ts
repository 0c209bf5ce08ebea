import { describe, expect, it, vi } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/index';
import { loadKnowledge } from '../../../widget/embed/loadKnowledge';

const respond = (body: string, status = 200): typeof fetch => async () => new Response(body, { status });
const load = (fetchImpl: typeof fetch, timeoutMs = 200) => loadKnowledge('https://practice.example/knowledge.json', defaultKnowledge, { fetchImpl, timeoutMs });

describe('loadKnowledge', () => {
  describe('with a valid partial file', () => {
    it('returns the default knowledge with the changes merged in', async () => {
      const result = await load(respond(JSON.stringify({ faq: [{ id: 'is-it-a-cure', answer: 'Changed answer.' }] })));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.knowledge.faq.find((e) => e.id === 'is-it-a-cure')!.answer).toBe('Changed answer.');
    });

    it('fetches without cookies', async () => {
      let init: RequestInit | undefined;
      await load(async (_url, i) => {
        init = i;
        return new Response('{}');
      });
      expect(init?.credentials).toBe('omit');
    });
  });

  describe('with a failure', () => {
    it('reports a network error', async () => {
      const result = await load(async () => {
        throw new TypeError('Failed to fetch');
      });
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('could not be fetched') });
    });

    it('reports a 404', async () => {
      expect(await load(respond('nope', 404))).toEqual({ ok: false, reason: expect.stringContaining('404') });
    });

    it('reports a timeout', async () => {
      // Fake timers: the loader's two timers are then fired in order however busy the machine is.
      vi.useFakeTimers();
      try {
        const never: typeof fetch = (_url, init) =>
          new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
        const result = load(never, 50);
        await vi.advanceTimersByTimeAsync(50);
        expect(await result).toEqual({ ok: false, reason: expect.stringContaining('no answer within 0.05') });
      } finally {
        vi.useRealTimers();
      }
    });

    it('reports invalid JSON', async () => {
      expect(await load(respond('{ "faq": [ }'))).toEqual({ ok: false, reason: expect.stringContaining('not valid JSON') });
    });

    it('reports a schema error naming the entry by its id and question', async () => {
      const result = await load(respond(JSON.stringify({ faq: [{ id: 'is-it-a-cure', answer: 42 }] })));
      const { question } = defaultKnowledge.faq.find((e) => e.id === 'is-it-a-cure')!;
      expect(result).toEqual({ ok: false, reason: expect.stringContaining(`entry is-it-a-cure (${question}), answer: `) });
    });

    it('reports a contract entry missing from a complete file', async () => {
      const faq = defaultKnowledge.faq.filter((e) => e.id !== 'right-fit');
      const result = await load(respond(JSON.stringify({ ...defaultKnowledge, faq })));
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('right-fit') });
    });

    it('reports an entry id that breaks the contract', async () => {
      const result = await load(respond(JSON.stringify({ faq: [{ id: 'Bad Id', label: 'x', question: 'q', answer: 'a', alternates: ['b', 'c'] }] })));
      expect(result).toEqual({ ok: false, reason: expect.stringContaining('entry Bad Id (q), id: ') });
    });
  });
});
