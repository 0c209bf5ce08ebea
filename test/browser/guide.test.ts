/**
 * Follows the worked example of docs/knowledge.md through the playground's form, word for word:
 * the instructions are read from the guide itself ("In **Answer**, type:", "Click **Add an
 * entry**", "- **Booking link**: `…`"), so a guide that drifts from the form fails here.
 * test/scripts/guide.test.ts follows the same example through the files.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core';
import { validateKnowledgeDocument } from '../../widget/core/knowledge/validateKnowledge';
import { playgroundText as say } from '../../widget/playground/playgroundText';
import { describeProblems, useHarness } from './harness';

const harness = useHarness();

const guide = readFileSync('docs/knowledge.md', 'utf8');
const example = guide.slice(guide.indexOf('## The worked example'), guide.indexOf('\n## ', guide.indexOf('## The worked example') + 5));

type Action =
  | { kind: 'tab'; name: string }
  | { kind: 'pick'; question: string }
  | { kind: 'click'; name: string }
  | { kind: 'type'; label: string; text: string }
  | { kind: 'append'; label: string; text: string }
  | { kind: 'tick'; label: string; options: string[] };

/** The guide's instructions, in the order it gives them. */
function actionsOf(text: string): Action[] {
  const pattern =
    /In \*\*(?<pickTab>[^*]+)\*\*,\s+pick\s+“(?<pick>[^”]+)”\s+in\s+the\s+list|Open\s+the\s+\*\*(?<tab>[^*]+)\*\*\s+tab|[Cc]lick\s+\*\*(?<click>[^*]+)\*\*|[Ii]n\s+\*\*(?<blockLabel>[^*]+)\*\*,\s+(?<how>type|add\s+these\s+lines\s+at\s+the\s+end):\n\n```text\n(?<block>[\s\S]*?)\n```|[Ii]n\s+\*\*(?<inlineLabel>[^*]+)\*\*,\s+type\s+`(?<inline>[^`]+)`|^- \*\*(?<fieldLabel>[^*]+)\*\*: `(?<field>[^`]+)`$|In\s+\*\*(?<tickLabel>[^*]+)\*\*,\s+tick\s+(?<ticks>“[^\n]+”)/gm;
  const actions: Action[] = [];
  for (const { groups: g = {} } of text.matchAll(pattern)) {
    if (g.pick) actions.push({ kind: 'tab', name: g.pickTab! }, { kind: 'pick', question: g.pick });
    else if (g.tab) actions.push({ kind: 'tab', name: g.tab });
    else if (g.click) actions.push({ kind: 'click', name: g.click });
    else if (g.block !== undefined) actions.push({ kind: g.how!.startsWith('type') ? 'type' : 'append', label: g.blockLabel!, text: g.block });
    else if (g.inline) actions.push({ kind: 'type', label: g.inlineLabel!, text: g.inline });
    else if (g.field) actions.push({ kind: 'type', label: g.fieldLabel!, text: g.field });
    else if (g.ticks) actions.push({ kind: 'tick', label: g.tickLabel!, options: [...g.ticks.matchAll(/“([^”]+)”/g)].map((m) => m[1]!) });
  }
  return actions;
}

/** Does one instruction as a person would; returns the file it saved, if any. */
async function follow(page: Page, action: Action): Promise<Download | null> {
  switch (action.kind) {
    case 'tab':
      await page.getByRole('tab', { name: action.name, exact: true }).click();
      return null;
    case 'pick':
      await page.getByRole('navigation', { name: say.entryListLabel }).getByRole('button', { name: action.question, exact: true }).click();
      await expect.poll(() => page.getByTestId('playground-entry').locator('h3').innerText()).toBe(say.editingEntry(action.question));
      return null;
    case 'click': {
      const button = page.getByRole('button', { name: action.name, exact: true });
      if (action.name === say.exportJson || action.name === say.exportSummary) {
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        return download;
      }
      await button.click();
      if (action.name === say.checkButton) await expect.poll(() => page.getByTestId('playground-check-results').getAttribute('aria-busy')).toBe('false');
      if (action.name === say.ask) await expect.poll(() => page.getByTestId('playground-input').inputValue()).toBe('');
      return null;
    }
    case 'type': {
      const field = page.getByLabel(action.label, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: action.text });
      else await field.fill(action.text);
      return null;
    }
    case 'append': {
      const field = page.getByLabel(action.label, { exact: true });
      await field.fill(`${(await field.inputValue()).replace(/\n*$/, '')}\n${action.text}`);
      return null;
    }
    case 'tick':
      for (const option of action.options) await page.getByRole('group', { name: action.label }).getByLabel(option, { exact: true }).check();
      return null;
  }
}

describe('the worked example of docs/knowledge.md, through the form', () => {
  const actions = actionsOf(example);

  it('reads an instruction from every step of the example', () => {
    const steps = example.split('\n### ').slice(1);
    expect(steps.length).toBe(9);
    for (const step of steps) expect(actionsOf(step).length, `no instruction found in "### ${step.split('\n')[0]}"`).toBeGreaterThan(0);
  });

  it('gives the knowledge the guide describes, answers from it, and exports it with a summary', async () => {
    const widget = await harness.open('/playground.html');
    const { page } = widget;
    await page.getByTestId('playground-transcript').locator('[data-testid=kap-message]').first().waitFor();

    const saved: Record<string, string> = {};
    for (const action of actions) {
      const download = await follow(page, action);
      if (download) saved[download.suggestedFilename()] = await readFile(await download.path(), 'utf8');
    }

    // Step 8: the question asked in "Try it" got the new entry.
    const debug = page.getByTestId('playground-debug');
    expect(await debug.last().innerText()).toContain('Matched entry: before-and-after');
    expect(await page.getByTestId('playground-problems').getAttribute('data-state')).toBe('ok');

    // Step 9: the exported file holds every edit of steps 1 to 6 and is valid.
    const knowledge = JSON.parse(saved['knowledge.json'] ?? 'null');
    expect(validateKnowledgeDocument(knowledge).ok).toBe(true);
    const cure = knowledge.faq.find((e: { id: string }) => e.id === 'is-it-a-cure');
    const cliAnswer = JSON.parse(`{${/"answer": "No\. Ketamine[^\n]*"/.exec(guide)![0]}}`).answer;
    expect(cure.answer, 'the form and the command line give the same answer').toBe(cliAnswer);
    expect(cure.alternates).toEqual([...defaultKnowledge.faq.find((e) => e.id === 'is-it-a-cure')!.alternates, 'Will I be fixed for good after treatment?', 'Does the healing last forever?']);
    expect(knowledge.faq.at(-1)).toMatchObject({
      id: 'before-and-after',
      label: 'Before and after ketamine',
      question: 'Why do the conversations before and after ketamine matter?',
      keywords: ['conversations before and after', 'around the session'],
      followUps: ['preparation', 'integration'],
    });
    expect(knowledge.faq.at(-1).alternates).toHaveLength(3);
    expect(knowledge.practice.booking).toEqual({ url: 'https://your-practice.example/book', label: 'Book a free consultation' });
    expect(knowledge.crisis.defaultCountry).toBe('GB');
    expect(knowledge.safety.eligibility.medications.at(-1)).toBe('newmedname');
    expect(saved['what-changed.txt']).toContain('- New entry before-and-after (Why do the conversations before and after ketamine matter?).');

    // Step 7: checking every phrasing finds nothing about the example's own phrasings.
    const findings = await page.getByTestId('playground-check-results').innerText();
    expect(findings).not.toMatch(/before-and-after|Will I be fixed|Does the healing last/);

    // The widget on the page uses the edits: the new answer, the UK numbers, the added medication.
    const live = (id: string) => page.locator(`kap-chat-widget [data-testid=${id}]`);
    await live('kap-launcher').click();
    for (const [question, expected] of [
      ['does the healing last forever?', 'realistic change'],
      ['I want to end my life', '116 123'],
      ['I take newmedname, is that ok?', 'prescribing clinician'],
    ] as const) {
      await live('kap-input').fill(question);
      await live('kap-input').press('Enter');
      await expect.poll(async () => (await page.locator('kap-chat-widget [data-testid=kap-message][data-role=assistant]').allInnerTexts()).join('\n')).toContain(expected);
    }
    expect(describeProblems(widget.problems)).toBe('');
  });
});
