/**
 * `data-knowledge-url`: the widget fetches a knowledge file after it is up and swaps it in. When
 * the file cannot be used, for whatever reason, visitors still get the built-in knowledge and the
 * console gets exactly one warning that says why.
 */
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core';
import { missingRequiredEntry } from '../../widget/core/knowledge/errorMessages';
import { knowledgeMessages, PREFIX } from '../../widget/embed/errorMessages';
import { KNOWLEDGE_TIMEOUT_MS, loadKnowledge } from '../../widget/embed/loadKnowledge';
import { QUESTIONS, useHarness, waitUntil } from './harness';

const BUILT_IN_CURE = 'not a cure';
const CHANGED_CURE = 'A changed answer from the knowledge URL.';
const JSON_TYPE = 'application/json';

/** The knowledge files the test pages point at, by the path they are served on. */
const FILES = {
  ok: { path: '/test/knowledge-ok.json', status: 200, body: JSON.stringify({ faq: [{ id: 'is-it-a-cure', answer: CHANGED_CURE }] }) },
  missing: { path: '/test/knowledge-missing.json', status: 404, body: 'Not found' },
  invalidJson: { path: '/test/knowledge-invalid.json', status: 200, body: '{ "faq": [ { "id": "is-it-a-cure", } ] }' },
  schemaError: { path: '/test/knowledge-schema.json', status: 200, body: JSON.stringify({ faq: [{ id: 'is-it-a-cure', answer: 42 }] }) },
  missingEntry: {
    path: '/test/knowledge-no-right-fit.json',
    status: 200,
    // Follow-ups to it are gone too, so that the missing entry is the file's only error.
    body: JSON.stringify({
      ...defaultKnowledge,
      faq: defaultKnowledge.faq.filter((e) => e.id !== 'right-fit').map((e) => ({ ...e, followUps: e.followUps?.filter((id) => id !== 'right-fit') })),
    }),
  },
  // Never answered: the test holds the request in the browser (see `answersNever`) and moves the
  // page's clock past the timeout, so no test waits the real five seconds.
  slow: { path: '/test/knowledge-slow.json', status: 200, body: JSON.stringify({ faq: [] }) },
} as const;

/** A test page with the widget's script tag pointing at `knowledgeUrl`. */
const page = (knowledgeUrl: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Knowledge URL test</title></head>` +
  `<body><main><h1>Knowledge URL test</h1></main><script src="/kap-chat.js" defer data-knowledge-url="${knowledgeUrl}"></script></body></html>`;

/** A port on 127.0.0.1 that nothing listens on: opened, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

let networkErrorUrl: string;

const harness = useHarness({
  async routes() {
    networkErrorUrl = `http://127.0.0.1:${await closedPort()}/knowledge.json`;
    const routes: Record<string, { status: number; type: string; body: string }> = {};
    for (const [name, file] of Object.entries(FILES)) {
      routes[file.path] = { status: file.status, type: JSON_TYPE, body: file.body };
      routes[`/test/page-${name}.html`] = { status: 200, type: 'text/html; charset=utf-8', body: page(file.path) };
    }
    routes['/test/page-network.html'] = { status: 200, type: 'text/html; charset=utf-8', body: page(networkErrorUrl) };
    return routes;
  },
});

interface TestPage {
  page: Page;
  /** Console messages starting with "KapChat:", as "type: text". */
  kapChatLogs: string[];
  /** Opens the panel (once), asks, and returns the text of the reply. */
  ask(question: string): Promise<string>;
}

/**
 * Opens the test page of one file. `beforeLoad` runs before the page loads, e.g. to hold a request
 * or install a fake clock.
 */
async function openTestPage(name: string, beforeLoad?: (page: Page) => Promise<void>): Promise<TestPage> {
  const kapChatLogs: string[] = [];
  const widget = await harness.open(`/test/page-${name}.html`, {
    async beforeLoad(page) {
      page.on('console', (message) => {
        if (message.text().startsWith(PREFIX)) kapChatLogs.push(`${message.type()}: ${message.text()}`);
      });
      await beforeLoad?.(page);
    },
  });
  const { page, input, launcher } = widget;
  return {
    page,
    kapChatLogs,
    async ask(question) {
      if (!(await input.isVisible())) {
        await launcher.click();
        await input.waitFor({ state: 'visible' });
      }
      return (await widget.ask(question)).innerText();
    },
  };
}

/**
 * Holds every request for `path` in the browser, unanswered, and installs a fake clock on the page.
 * `requested` settles once the widget has asked for the file, its timeout timer set.
 */
async function answersNever(page: Page, path: string): Promise<{ requested: Promise<unknown> }> {
  await page.clock.install();
  await page.route((url) => url.pathname === path, () => {});
  return { requested: page.waitForRequest((request) => new URL(request.url()).pathname === path) };
}

/** Waits for the widget's warning, then checks it is the only one and that answers are the built-in ones. */
async function expectOneWarningAndTheBuiltInAnswers(test: TestPage, check: (log: string) => void): Promise<void> {
  await waitUntil(async () => test.kapChatLogs.length > 0, 'the KapChat warning');
  const reply = await test.ask(QUESTIONS.answer);

  expect(reply).toContain(BUILT_IN_CURE);
  expect(test.kapChatLogs, 'exactly one KapChat message').toHaveLength(1);
  check(test.kapChatLogs[0]!);
}

/** The one warning the widget logs for a file it could not use. */
const warning = (url: string, reason: string) => `warning: ${PREFIX} ${knowledgeMessages.fallback(url, reason)}`;

/** The reason the loader gives for a file, found the same way in Node: the expected wording, not a copy of it. */
async function reasonFor(file: { status: number; body: string }): Promise<string> {
  const result = await loadKnowledge('https://example.test/knowledge.json', defaultKnowledge, {
    fetchImpl: async () => new Response(file.body, { status: file.status }),
  });
  if (result.ok) throw new Error('the file should not be usable');
  return result.reason;
}

describe('data-knowledge-url', () => {
  describe('when the file is usable', () => {
    it('answers from it, and logs nothing', async () => {
      const test = await openTestPage('ok');

      // The file arrives after the widget is up: ask until its answer is in use.
      let reply = '';
      await waitUntil(async () => (reply = await test.ask(QUESTIONS.answer)).includes(CHANGED_CURE), 'the answer from the knowledge URL');

      expect(reply).toContain(CHANGED_CURE);
      expect(test.kapChatLogs).toEqual([]);
    });
  });

  describe('when the file cannot be used', () => {
    const cases: Array<{ kind: string; name: string; expected: () => Promise<(log: string) => void> }> = [
      {
        kind: 'the server answers 404',
        name: 'missing',
        expected: async () => (log) => expect(log).toBe(warning(`${harness.origin}${FILES.missing.path}`, knowledgeMessages.status(404))),
      },
      {
        kind: 'the file is not valid JSON',
        name: 'invalidJson',
        expected: async () => (log) => {
          // The detail in brackets is the browser's own wording of the syntax error.
          const [before, after] = warning(`${harness.origin}${FILES.invalidJson.path}`, knowledgeMessages.invalidJson('\u0000')).split('\u0000');
          expect(log.startsWith(before!) && log.endsWith(after!), log).toBe(true);
        },
      },
      {
        kind: 'the knowledge has a schema error',
        name: 'schemaError',
        expected: async () => {
          const reason = await reasonFor(FILES.schemaError);
          return (log) => {
            expect(log).toBe(warning(`${harness.origin}${FILES.schemaError.path}`, reason));
            const { question } = defaultKnowledge.faq.find((e) => e.id === 'is-it-a-cure')!;
            expect(log, 'names the entry by its id and question').toContain(`entry is-it-a-cure (${question}), answer: `);
          };
        },
      },
      {
        kind: 'a complete file lacks an entry the widget relies on',
        name: 'missingEntry',
        expected: async () => {
          const reason = await reasonFor(FILES.missingEntry);
          return (log) => {
            expect(log).toBe(warning(`${harness.origin}${FILES.missingEntry.path}`, reason));
            expect(log).toContain(missingRequiredEntry('right-fit').message);
          };
        },
      },
      {
        kind: 'the address cannot be reached',
        name: 'network',
        expected: async () => (log) => expect(log).toBe(warning(networkErrorUrl, knowledgeMessages.network('Failed to fetch'))),
      },
    ];

    it.each(cases)('when $kind: warns once, saying why, and keeps the built-in answers', async ({ name, expected }) => {
      const check = await expected();
      const test = await openTestPage(name);

      await expectOneWarningAndTheBuiltInAnswers(test, check);
    });

    it(`when the server does not answer within ${KNOWLEDGE_TIMEOUT_MS / 1000} seconds: warns once, saying why, and keeps the built-in answers`, async () => {
      let held: { requested: Promise<unknown> } | undefined;
      const test = await openTestPage('slow', async (page) => {
        held = await answersNever(page, FILES.slow.path);
      });
      await held!.requested;

      await test.page.clock.fastForward(KNOWLEDGE_TIMEOUT_MS);

      await expectOneWarningAndTheBuiltInAnswers(test, (log) =>
        expect(log).toBe(warning(`${harness.origin}${FILES.slow.path}`, knowledgeMessages.timeout(KNOWLEDGE_TIMEOUT_MS))),
      );
    });
  });
});
