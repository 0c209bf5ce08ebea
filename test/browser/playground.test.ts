/**
 * The practitioner's playground (/playground.html): edit the knowledge in the form or as JSON, see
 * problems as you type, try the replies, check every phrasing, load and export files. Edits are
 * made as a person makes them: type into a field, or select a piece of the JSON and type over it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core';
import { parseKnowledgeJson } from '../../widget/core/knowledge/parseKnowledgeJson';
import { phrasingProblems } from '../../widget/core/knowledge/phrasingCheck';
import { emptyText, invalidJson, phrasingLandsElsewhere, safetyWordsRemoved, wrongType } from '../../widget/core/knowledge/errorMessages';
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

/** Opens "Advanced: JSON" and returns the JSON text it shows. */
async function openJson(page: Page): Promise<string> {
  await page.getByRole('tab', { name: say.jsonTab }).click();
  return playground(page).editor.inputValue();
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

/** A field of the form, by its label. */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Asks the real widget in the corner (launcher and panel) and returns all its replies so far, once `expected` is among them. */
async function askLiveWidget(page: Page, question: string, expected: string): Promise<string> {
  const live = (id: string) => page.locator(`kap-chat-widget [data-testid=${id}]`);
  if (!(await live('kap-input').isVisible())) await live('kap-launcher').click();
  await live('kap-input').fill(question);
  await live('kap-input').press('Enter');
  const replies = page.locator('kap-chat-widget [data-testid=kap-message][data-role=assistant]');
  await expect.poll(async () => (await replies.allInnerTexts()).join('\n')).toContain(expected);
  return (await replies.allInnerTexts()).join('\n');
}

/** Picks an entry in the form's list by its question. */
async function pickEntry(page: Page, question: string): Promise<void> {
  await page.getByRole('navigation', { name: say.entryListLabel }).getByRole('button', { name: question }).click();
  await expect.poll(() => page.getByTestId('playground-entry').locator('h3').innerText()).toBe(say.editingEntry(question));
}

const ONLINE = {
  question: 'Do you offer sessions online?',
  answer: 'Preparation and integration sessions can be held **online, by video**. Ketamine sessions always take place in person.',
  alternates: ['Can I do the therapy by video?', 'Are online sessions possible?', 'Can we meet over video instead of in person?'],
  label: 'Online sessions',
};

describe('the playground', () => {
  it('starts with the built-in knowledge in the editor and answers from it', async () => {
    const widget = await open();

    expect(JSON.parse(await openJson(widget.page))).toEqual(defaultKnowledge);
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
      const text = await openJson(widget.page);

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

    // One edit for both: exported straight after it is typed, then answered with by the live widget.
    it('exports a knowledge.json that holds the edit, and swaps the edit into the live widget on the page', async () => {
      const widget = await open();
      const text = await openJson(widget.page);
      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');
      await typeOver(widget.page, start, end, JSON.stringify(EDITED_CURE));

      const [download] = await Promise.all([widget.page.waitForEvent('download'), widget.page.getByTestId('playground-export').click()]);

      expect(download.suggestedFilename()).toBe('knowledge.json');
      const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
      expect(exported.faq[CURE]).toMatchObject({ id: 'is-it-a-cure', answer: EDITED_CURE });
      expect(validateKnowledgeDocument(exported).ok, 'the exported file is valid knowledge').toBe(true);
      await expect.poll(() => widget.notice.innerText()).toBe(say.exported);

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
  });

  describe('when the knowledge has a schema error', () => {
    it('lists it with its path and keeps answering from the last valid knowledge', async () => {
      const widget = await open();
      const text = await openJson(widget.page);

      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');
      await typeOver(widget.page, start, end, '42');
      await waitForCheck(widget.page, 'errors');

      const shown = await widget.problemList.innerText();
      expect(shown).toContain(say.errors(1));
      expect(shown).toContain(problemLine({ severity: 'error', path: `faq[${CURE}].answer`, place: `entry is-it-a-cure (${defaultKnowledge.faq[CURE]!.question}), answer`, ...wrongType('text', 42) }));
      expect(shown).not.toContain(`faq[${CURE}]`);
      expect(await widget.problemList.getAttribute('role')).toBe('status');
      const { reply } = await ask(widget.page, QUESTIONS.answer);
      expect(reply).toContain(BUILT_IN_CURE);
      expectNoProblems(widget);
    });
  });

  describe('when the JSON is broken', () => {
    it('shows where, with line and column, and moves the cursor there on request', async () => {
      const widget = await open();
      const text = await openJson(widget.page);

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
      const text = await openJson(widget.page);
      const loseControl = defaultKnowledge.faq.find((e) => e.id === 'lose-control')!.question;

      const list = text.indexOf('"alternates": [', text.indexOf('"id": "is-it-safe"')) + '"alternates": ['.length;
      await typeOver(widget.page, list, list, `\n        ${JSON.stringify(loseControl)},`);
      await widget.check.click();
      await expect.poll(() => widget.checkResults.getAttribute('aria-busy')).toBe('false');

      const safe = defaultKnowledge.faq[SAFE]!;
      const planted = problemLine({ severity: 'warning', path: `faq[${SAFE}].alternates[0]`, place: `entry ${safe.id} (${safe.question}), alternate 1`, ...phrasingLandsElsewhere(loseControl, 'lose-control') });
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

      const shown = JSON.parse(await openJson(widget.page));
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
    const scan = () =>
      widget.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
        const { violations } = await axe.run({ include: [['#playground']] });
        return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      });
    // Every view of the editor, one after the other, with an error shown under a field in the first.
    await pickEntry(widget.page, defaultKnowledge.faq[CURE]!.question);
    await field(widget.page, say.answer).fill('');
    await waitForCheck(widget.page, 'errors');
    const found: Record<string, string[]> = { [say.entriesTab]: await scan() };
    for (const tab of [say.practiceTab, say.safetyTab, say.jsonTab]) {
      await widget.page.getByRole('tab', { name: tab }).click();
      found[tab] = await scan();
    }
    expect(found).toEqual({ [say.entriesTab]: [], [say.practiceTab]: [], [say.safetyTab]: [], [say.jsonTab]: [] });
  });

  describe('the form', () => {
    it('adds an entry that the tester and the widget on the page answer', async () => {
      const widget = await open();
      const { page } = widget;

      await page.getByTestId('playground-add-entry').click();
      await field(page, say.question).fill(ONLINE.question);
      await field(page, say.answer).fill(ONLINE.answer);
      await field(page, say.alternates).fill(ONLINE.alternates.join('\n'));
      await field(page, say.label).fill(ONLINE.label);
      await waitForCheck(page, 'ok');

      expect(await field(page, say.id).inputValue(), 'the id follows the question').toBe('do-you-offer-sessions-online');
      expect(await page.getByTestId('playground-preview').locator('strong').innerText(), 'the preview shows the rich text').toBe('online, by video');
      const { reply, debug } = await ask(page, 'can I do the therapy by video?');
      expect(reply).toContain('Ketamine sessions always take place in person.');
      expect(debug).toContain('Matched entry: do-you-offer-sessions-online');
      await askLiveWidget(page, ONLINE.question, 'Ketamine sessions always take place in person.');
      expect(await page.getByTestId('playground-changes').innerText()).toContain(`New entry do-you-offer-sessions-online (${ONLINE.question}).`);
      expectNoProblems(widget);
    });

    it('keeps a straight double quote typed in an answer, and the widget shows it', async () => {
      const widget = await open();
      const { page } = widget;
      const cure = defaultKnowledge.faq[CURE]!;
      const answer = 'No, ketamine is not a "cure". The therapy does the work.';

      await pickEntry(page, cure.question);
      await field(page, say.answer).fill(answer);
      await waitForCheck(page, 'ok');

      expect((await ask(page, QUESTIONS.answer)).reply).toContain('not a "cure"');
      expect(await openJson(page)).toContain(JSON.stringify(answer));
      expectNoProblems(widget);
    });

    // One error for both: how it is named, then the way back to its field from the problem list.
    it('names the entry by its id and question when a field has an error, in the list and under the field; shows the field of the problem when asked, from the problem list', async () => {
      const widget = await open();
      const { page } = widget;
      const cure = defaultKnowledge.faq[CURE]!;

      await pickEntry(page, cure.question);
      await field(page, say.answer).fill('');
      await waitForCheck(page, 'errors');

      const line = problemLine({ severity: 'error', path: `faq[${CURE}].answer`, place: `entry is-it-a-cure (${cure.question}), answer`, ...emptyText() });
      expect(line.startsWith(`Entry is-it-a-cure (${cure.question}), answer — `)).toBe(true);
      expect(await widget.problemList.innerText()).toContain(line);
      expect(await widget.problemList.innerText()).not.toMatch(/faq\[\d+\]/);
      expect(await page.getByTestId('playground-field-problems').innerText()).toContain(emptyText().message);
      expect(await field(page, say.answer).getAttribute('aria-invalid')).toBe('true');
      // The tester keeps answering from the last knowledge without errors.
      expect((await ask(page, QUESTIONS.answer)).reply).toContain(BUILT_IN_CURE);

      await page.getByRole('tab', { name: say.practiceTab }).click();
      await widget.problemList.getByRole('button', { name: say.showInForm }).first().click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pg-entry-answer');
      expectNoProblems(widget);
    });

    it('removes and reorders entries, and an entry the widget relies on cannot be removed', async () => {
      const widget = await open();
      const { page } = widget;
      page.on('dialog', (dialog) => void dialog.accept());
      const list = page.getByTestId('playground-entry-list').getByRole('button');

      await pickEntry(page, defaultKnowledge.faq[CURE]!.question);
      expect(await page.getByTestId('playground-remove-entry').isDisabled()).toBe(true);
      await page.getByRole('button', { name: say.moveUp }).click();
      await expect.poll(() => list.nth(CURE - 1).innerText()).toBe(defaultKnowledge.faq[CURE]!.question);

      await page.getByTestId('playground-add-entry').click();
      await field(page, say.question).fill('A question to remove');
      await page.getByTestId('playground-remove-entry').click();
      await expect.poll(() => list.count()).toBe(defaultKnowledge.faq.length);
      await waitForCheck(page, 'ok');
      expect(await page.getByTestId('playground-changes').innerText()).toContain('The order of the entries changed.');
      expectNoProblems(widget);
    });

    it('edits the practice settings, and the widget on the page follows', async () => {
      const widget = await open();
      const { page } = widget;
      const url = 'https://riverside-therapy.example/book';

      await page.getByRole('tab', { name: say.practiceTab }).click();
      await field(page, say.bookingUrl).fill(url);
      await field(page, say.greeting).fill('Welcome to Riverside Therapy. Ask me anything about KAP or IFS.');
      await page.getByLabel(say.country).selectOption('GB');
      await waitForCheck(page, 'ok');

      expect((await ask(page, 'I want to end my life')).reply).toContain('116 123');
      const changes = await page.getByTestId('playground-changes').innerText();
      expect(changes).toContain(`Practice settings, booking link: "${defaultKnowledge.practice.booking.url}" → "${url}".`);
      expect(changes).toContain('Practice settings, crisis numbers country: "US" → "GB".');
      expectNoProblems(widget);
    });
  });

  describe('Advanced: safety', () => {
    it('adds a medication, which then gets the eligibility reply', async () => {
      const widget = await open();
      const { page } = widget;

      await page.getByRole('tab', { name: say.safetyTab }).click();
      await field(page, say.addedWords(say.safetyLists['eligibility.medications']![0])).fill('newmedname');
      await waitForCheck(page, 'ok');

      expect((await ask(page, 'I take newmedname, is that ok?')).debug).toMatch(/Route: eligibility\b/);
      expect(await page.getByTestId('playground-changes').innerText()).toContain('Safety → eligibility → medications: added: "newmedname".');
      expectNoProblems(widget);
    });

    it('reports a built-in word removed in the JSON, and puts it back', async () => {
      const widget = await open();
      const { page } = widget;
      const text = await openJson(page);
      const word = defaultKnowledge.safety.eligibility.medications[0]!;
      const at = text.indexOf(`"${word}",`, text.indexOf('"medications"'));

      await typeOver(page, at, at + `"${word}",`.length, '');
      await waitForCheck(page, 'errors');
      expect(await widget.problemList.innerText()).toContain(safetyWordsRemoved([word]).message);

      await page.getByRole('tab', { name: say.safetyTab }).click();
      await page.getByRole('button', { name: say.putBack }).click();
      await waitForCheck(page, 'ok');
      expect(JSON.parse(await openJson(page)).safety.eligibility.medications).toContain(word);
      expectNoProblems(widget);
    });
  });

  describe('Advanced: JSON', () => {
    it('says that a straight double quote ends the text early, and how to write it', async () => {
      const widget = await open();
      const text = await openJson(widget.page);
      const [start, end] = valueRange(text, 'is-it-a-cure', 'answer');

      const broken = await typeOver(widget.page, start, end, '"No, ketamine is not a "cure". The therapy does the work."');
      await waitForCheck(widget.page, 'errors');

      const parsed = parseKnowledgeJson(broken);
      if (!('problem' in parsed)) throw new Error('the edit should break the JSON');
      expect(parsed.problem).toMatchObject(invalidJson('quote-in-text'));
      const shown = await widget.problemList.innerText();
      expect(shown).toContain(problemLine(parsed.problem));
      expect(shown).toContain('\\"');
      expect(shown).not.toContain('comma');
      expect(await widget.page.getByRole('tab', { name: say.entriesTab }).click().then(() => widget.page.getByTestId('playground-form-unavailable').innerText())).toBe(say.formUnavailable);
      expectNoProblems(widget);
    });
  });

  describe('Publish', () => {
    it('exports a file that, loaded again, gives the same knowledge; and a summary of what changed', async () => {
      const widget = await open();
      const { page } = widget;
      page.on('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('playground-add-entry').click();
      await field(page, say.question).fill(ONLINE.question);
      await field(page, say.answer).fill(ONLINE.answer);
      await field(page, say.alternates).fill(ONLINE.alternates.join('\n'));
      await field(page, say.label).fill(ONLINE.label);
      await page.getByRole('tab', { name: say.practiceTab }).click();
      await field(page, say.bookingLabel).fill('Book a call');
      await waitForCheck(page, 'ok');
      const edited = await openJson(page);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('playground-export').click()]);
      const exported = await readFile(await download.path(), 'utf8');
      expect(download.suggestedFilename()).toBe('knowledge.json');
      expect(JSON.parse(exported)).toEqual(JSON.parse(edited));
      expect(validateKnowledgeDocument(JSON.parse(exported)).ok).toBe(true);

      const [summary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('playground-export-summary').click()]);
      const lines = await readFile(await summary.path(), 'utf8');
      expect(summary.suggestedFilename()).toBe('what-changed.txt');
      expect(lines).toContain(`- New entry do-you-offer-sessions-online (${ONLINE.question}).`);
      expect(lines).toContain(`- Practice settings, booking button: "${defaultKnowledge.practice.booking.label}" → "Book a call".`);

      await page.getByRole('button', { name: say.reset }).click();
      await expect.poll(() => widget.editor.inputValue()).toBe(JSON.stringify(defaultKnowledge, null, 2));
      await page.getByTestId('playground-file').setInputFiles({ name: 'knowledge.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await expect.poll(() => widget.notice.innerText()).toBe(say.loaded('knowledge.json'));
      await waitForCheck(page, 'ok');

      expect(await widget.editor.inputValue()).toBe(exported);
      expect((await ask(page, ONLINE.question)).debug).toContain('Matched entry: do-you-offer-sessions-online');
      expectNoProblems(widget);
    });
  });

  describe('dist/playground.html, opened from disk', () => {
    it('edits, answers and exports without a server', async () => {
      const context = await harness.browser.newContext();
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('requestfailed', (r) => problems.push(`${r.url()} failed`));
        await page.goto(pathToFileURL(join(import.meta.dirname, '../../dist/playground.html')).href);
        expect(page.url()).toMatch(/^file:/);
        await playground(page).replies.first().waitFor();

        await pickEntry(page, defaultKnowledge.faq[CURE]!.question);
        await field(page, say.answer).fill(EDITED_CURE);
        await waitForCheck(page, 'ok');
        expect((await ask(page, QUESTIONS.answer)).reply).toContain(EDITED_CURE);
        await askLiveWidget(page, QUESTIONS.answer, EDITED_CURE);
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('playground-export').click()]);
        expect(JSON.parse(await readFile(await download.path(), 'utf8')).faq[CURE].answer).toBe(EDITED_CURE);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
