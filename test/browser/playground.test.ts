/**
 * The practitioner's playground (/playground.html): edit the knowledge, see problems as you type,
 * try the replies, check every phrasing, load and export files. Edits are made as a person makes
 * them: select a piece of the text and type over it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core';
import { parseKnowledgeJson } from '../../widget/core/knowledge/parseKnowledgeJson';
import { phrasingProblems } from '../../widget/core/knowledge/phrasingCheck';
import { phrasingLandsElsewhere, wrongType } from '../../widget/core/knowledge/errorMessages';
import { validateKnowledgeDocument } from '../../widget/core/knowledge/validateKnowledge';
import { playgroundText as say, problemLine } from '../../widget/playground/playgroundText';
import { AXE, describeProblems, QUESTIONS, useHarness, type WidgetPage } from './harness';

const harness = useHarness();

const CURE = defaultKnowledge.faq.findIndex((e) => e.id === 'is-it-a-cure');
const SAFE = defaultKnowledge.faq.findIndex((e) => e.id === 'is-it-safe');
const BUILT_IN_CURE = 'not a cure';
const EDITED_CURE = 'Edited in the playground: ketamine is no cure, the therapy does the work.';

/** The playground's parts, found the way the tests use them. */
function playground(page: Page) {
  const transcript = page.getByTestId('playground-transcript');
  return {
    editor: page.getByTestId('playground-editor'),
    problemList: page.getByTestId('playground-problems'),
    notice: page.getByTestId('playground-notice'),
    check: page.getByTestId('playground-check'),
    checkResults: page.getByTestId('playground-check-results'),
    replies: transcript.locator('[data-testid=kap-message][data-role=assistant]'),
    debugLines: page.getByTestId('playground-debug'),
    transcript,
  };
}

async function open(): Promise<WidgetPage & ReturnType<typeof playground>> {
  const widget = await harness.open('/playground.html');
  const parts = playground(widget.page);
  await parts.replies.first().waitFor();
  return { ...widget, ...parts };
}

/** Asks the tester a question and returns the reply's text and the debug line under it. */
async function ask(page: Page, question: string): Promise<{ reply: string; debug: string }> {
  const { replies, debugLines } = playground(page);
  const before = await replies.count();
  await page.getByTestId('playground-input').fill(question);
  await page.getByTestId('playground-ask').click();
  await replies.nth(before).waitFor();
  return { reply: await replies.nth(before).innerText(), debug: await debugLines.nth(before).innerText() };
}

/**
 * Selects `[start, end)` of the editor's text and types `replacement` over it (Delete when empty).
 * Returns the text the editor now holds.
 */
async function typeOver(page: Page, start: number, end: number, replacement: string): Promise<string> {
  const { editor } = playground(page);
  const before = await editor.inputValue();
  await editor.evaluate((el: HTMLTextAreaElement, [s, e]) => {
    el.focus();
    el.setSelectionRange(s, e);
  }, [start, end] as const);
  if (replacement) await page.keyboard.insertText(replacement);
  else await page.keyboard.press('Delete');
  const after = before.slice(0, start) + replacement + before.slice(end);
  expect(await editor.inputValue()).toBe(after);
  return after;
}

/** Where the value of `"field": ` starts and ends, in the entry with this id. */
function valueRange(text: string, id: string, field: string): [number, number] {
  const entry = text.indexOf(`"id": "${id}"`);
  const start = text.indexOf(`"${field}": `, entry) + field.length + 4;
  const lineEnd = text.indexOf('\n', start);
  return [start, text[lineEnd - 1] === ',' ? lineEnd - 1 : lineEnd];
}

async function waitForCheck(page: Page, state: 'ok' | 'errors') {
  await expect.poll(() => playground(page).problemList.getAttribute('data-state')).toBe(state);
}

function expectNoProblems(widget: WidgetPage) {
  expect(describeProblems(widget.problems)).toBe('');
}

describe('the playground', () => {
  it('starts with the built-in knowledge in the editor and answers from it', async () => {
    const widget = await open();

    expect(JSON.parse(await widget.editor.inputValue())).toEqual(defaultKnowledge);
    expect(await widget.page.getByLabel(say.editorLabel).count()).toBe(1);
    const { reply, debug } = await ask(widget.page, QUESTIONS.answer);

    expect(reply).toContain(BUILT_IN_CURE);
    expect(debug).toMatch(/Route: answer\b/);
    expect(debug).toContain('Matched entry: is-it-a-cure');
    expect(debug).toMatch(/Confidence: \d\.\d\d/);
    expect(debug).toMatch(/Runner-up: [a-z-]+ \(\d\.\d\d\)/);
    expectNoProblems(widget);
  });

  describe('when an answer is edited', () => {
    it('answers with the edited text straight away', async () => {
      const widget = await open();
      const text = await widget.editor.inputValue();

      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');
      await widget.page.getByTestId('playground-input').fill(QUESTIONS.answer);
      // The edit and the click in one go, long before the pause after typing that starts the
      // check: the tester must check the edit itself before it answers.
      await widget.editor.evaluate(
        (el: HTMLTextAreaElement, { start, end, value }) => {
          el.setRangeText(value, start, end);
          el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
          document.querySelector<HTMLButtonElement>('[data-testid=playground-ask]')!.click();
        },
        { start, end, value: JSON.stringify(EDITED_CURE) },
      );
      await widget.replies.nth(1).waitFor();

      expect(await widget.replies.nth(1).innerText()).toContain(EDITED_CURE);
      expect(await widget.debugLines.nth(1).innerText()).toContain('Matched entry: is-it-a-cure');
      await expect.poll(() => widget.transcript.innerText()).toContain(say.knowledgeChanged);
      expectNoProblems(widget);
    });

    it('swaps the edit into the live widget on the page', async () => {
      const widget = await open();
      const text = await widget.editor.inputValue();
      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');
      await typeOver(widget.page, start, end, JSON.stringify(EDITED_CURE));
      await waitForCheck(widget.page, 'ok');

      // The real widget (launcher and panel), not the tester: scoped to its own element.
      const live = (id: string) => widget.page.locator(`kap-chat-widget [data-testid=${id}]`);
      await live('kap-launcher').click();
      await live('kap-input').fill(QUESTIONS.answer);
      await live('kap-input').press('Enter');
      const replies = widget.page.locator('kap-chat-widget [data-testid=kap-message][data-role=assistant]');
      await expect.poll(async () => (await replies.allInnerTexts()).join('\n')).toContain(EDITED_CURE);
      expectNoProblems(widget);
    });

    it('exports a knowledge.json that holds the edit', async () => {
      const widget = await open();
      const text = await widget.editor.inputValue();
      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');
      await typeOver(widget.page, start, end, JSON.stringify(EDITED_CURE));

      const [download] = await Promise.all([widget.page.waitForEvent('download'), widget.page.getByTestId('playground-export').click()]);

      expect(download.suggestedFilename()).toBe('knowledge.json');
      const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
      expect(exported.faq[CURE]).toMatchObject({ id: 'is-it-a-cure', answer: EDITED_CURE });
      expect(validateKnowledgeDocument(exported).ok, 'the exported file is valid knowledge').toBe(true);
      await expect.poll(() => widget.notice.innerText()).toBe(say.exported);
      expectNoProblems(widget);
    });
  });

  describe('when the knowledge has a schema error', () => {
    it('lists it with its path and keeps answering from the last valid knowledge', async () => {
      const widget = await open();
      const text = await widget.editor.inputValue();

      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');
      await typeOver(widget.page, start, end, '42');
      await waitForCheck(widget.page, 'errors');

      const shown = await widget.problemList.innerText();
      expect(shown).toContain(say.errors(1));
      expect(shown).toContain(problemLine({ severity: 'error', path: `faq[${CURE}].answer`, ...wrongType('text', 42) }));
      expect(await widget.problemList.getAttribute('role')).toBe('status');
      const { reply } = await ask(widget.page, QUESTIONS.answer);
      expect(reply).toContain(BUILT_IN_CURE);
      expectNoProblems(widget);
    });
  });

  describe('when the JSON is broken', () => {
    it('shows where, with line and column, and moves the cursor there on request', async () => {
      const widget = await open();
      const text = await widget.editor.inputValue();

      const comma = text.indexOf('"id": "is-it-a-cure",') + '"id": "is-it-a-cure"'.length;
      const broken = await typeOver(widget.page, comma, comma + 1, '');
      await waitForCheck(widget.page, 'errors');

      const parsed = parseKnowledgeJson(broken);
      if (!('problem' in parsed)) throw new Error('the edit should break the JSON');
      const { line, column } = parsed.problem;
      expect(await widget.problemList.innerText()).toContain(problemLine(parsed.problem));
      expect(problemLine(parsed.problem)).toMatch(/^Line \d+, column \d+ — /);

      await widget.problemList.getByRole('button', { name: say.showInEditor }).click();
      const caret = await widget.editor.evaluate((el: HTMLTextAreaElement) => ({ focused: document.activeElement === el, at: el.selectionStart }));
      const lines = broken.split('\n');
      const offset = lines.slice(0, line! - 1).reduce((n, l) => n + l.length + 1, 0) + column! - 1;
      expect(caret).toEqual({ focused: true, at: offset });
      expectNoProblems(widget);
    });
  });

  describe('Check every phrasing', () => {
    it('reports what the command line reports for the built-in knowledge', async () => {
      const widget = await open();
      const expected = phrasingProblems(defaultKnowledge);
      const total = defaultKnowledge.faq.reduce((n, e) => n + 1 + e.alternates.length, 0);

      await widget.check.click();
      await expect.poll(() => widget.checkResults.getAttribute('aria-busy')).toBe('false');

      const shown = await widget.checkResults.innerText();
      if (expected.length === 0) expect(shown).toContain(say.checkAllGood(total));
      else expect(shown).toContain(say.checkFound(expected.length, total));
      for (const problem of expected) expect(shown).toContain(problemLine(problem));
      expectNoProblems(widget);
    });

    it("lists a phrasing that is another entry's question", async () => {
      const widget = await open();
      const text = await widget.editor.inputValue();
      const loseControl = defaultKnowledge.faq.find((e) => e.id === 'lose-control')!.question;

      const list = text.indexOf('"alternates": [', text.indexOf('"id": "is-it-safe"')) + '"alternates": ['.length;
      await typeOver(widget.page, list, list, `\n        ${JSON.stringify(loseControl)},`);
      await widget.check.click();
      await expect.poll(() => widget.checkResults.getAttribute('aria-busy')).toBe('false');

      const planted = problemLine({ severity: 'warning', path: `faq[${SAFE}].alternates[0]`, ...phrasingLandsElsewhere(loseControl, 'lose-control') });
      expect(await widget.checkResults.innerText()).toContain(planted);
      expect(await widget.checkResults.getAttribute('role')).toBe('status');
      expectNoProblems(widget);
    });
  });

  describe('Load a file…', () => {
    it('merges a file with only some sections over the built-in knowledge and says so', async () => {
      const widget = await open();
      const file = { faq: [{ id: 'is-it-a-cure', answer: 'An answer from a loaded file.' }] };

      await widget.page.getByTestId('playground-file').setInputFiles({ name: 'faq.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect.poll(() => widget.notice.innerText()).toBe(say.loadedPartial('faq.json', ['faq']));

      const shown = JSON.parse(await widget.editor.inputValue());
      expect(Object.keys(shown)).toEqual(Object.keys(defaultKnowledge));
      expect(shown.faq[CURE].answer).toBe('An answer from a loaded file.');
      expect((await ask(widget.page, QUESTIONS.answer)).reply).toContain('An answer from a loaded file.');
      expectNoProblems(widget);
    });
  });

  describe('in the tester', () => {
    it('follows a quick reply and shows a safety trigger under the reply', async () => {
      const widget = await open();

      await widget.transcript.locator('[data-testid=kap-quick-replies] button', { hasText: 'What is KAP?' }).click();
      await widget.replies.nth(1).waitFor();
      expect(await widget.debugLines.nth(1).innerText()).toContain('Matched entry: what-is-kap');
      expect(await widget.page.getByTestId('playground-input').evaluate((el) => document.activeElement === el)).toBe(true);

      const { debug } = await ask(widget.page, QUESTIONS.eligibility);
      expect(debug).toMatch(/Route: eligibility\b/);
      expect(debug).toMatch(/Triggered by: \S+/);
      expectNoProblems(widget);
    });
  });

  it('has no accessibility violations (labels, contrast, roles), inside the previews too', async () => {
    const widget = await open();
    await ask(widget.page, QUESTIONS.crisis);

    await widget.page.addScriptTag({ path: AXE });
    const violations = await widget.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const { violations } = await axe.run({ include: [['#playground']] });
      return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });
});
