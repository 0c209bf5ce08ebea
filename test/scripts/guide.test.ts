import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core/index';
import { mergeKnowledge } from '../../widget/core/knowledge/mergeKnowledge';
import { validateKnowledgeDocument, validateKnowledgeFiles } from '../../widget/core/knowledge/validateKnowledge';
import { createReplyBuilder } from '../../widget/core/conversation/replies';
import { loadKnowledgeDir } from '../../scripts/loadKnowledgeDir';
import { askJson, knowledgeCheckRun } from './commandLine';

/**
 * Follows the worked example of docs/knowledge.md through the files (its section "The command
 * line") on a copy of knowledge/, using the JSON snippets of the guide itself wherever they are
 * complete, so the guide cannot drift. test/browser/guide.test.ts follows it through the form.
 */
const guide = readFileSync('docs/knowledge.md', 'utf8');
const snippets = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const parsed = snippets.flatMap((s) => {
  for (const text of [s, `{${s.replace(/,\s*$/, '')}}`]) {
    try {
      return [JSON.parse(text) as Record<string, any>];
    } catch {
      /* a fragment with "…" placeholders: not machine-readable on purpose */
    }
  }
  return [];
});
const snippet = (has: (s: Record<string, any>) => boolean) => {
  const found = parsed.find(has);
  if (!found) throw new Error('docs/knowledge.md lost a snippet this test follows');
  return found;
};

/** The copy of knowledge/ the current test works on: a fresh one for every test. */
let dir = '';
const edit = (file: string, change: (json: any) => void) => {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
};
/** The command-line tools the guide uses, run in process (see ./commandLine). */
const COMMANDS = { 'scripts/knowledge-check.ts': knowledgeCheckRun };
const cli = (script: keyof typeof COMMANDS, ...args: string[]) => COMMANDS[script](...args);
const ask = (q: string) => askJson(q, '--knowledge', dir);

describe('the worked example of docs/knowledge.md', () => {
  const answer = snippet((s) => typeof s.answer === 'string' && !s.id).answer as string;
  const entry = snippet((s) => s.id === 'before-and-after');
  const booking = snippet((s) => s.booking?.url).booking;
  const defaultCountry = snippet((s) => s.defaultCountry === 'GB').defaultCountry;
  const correction = snippet((s) => s['poison-control']?.number)['poison-control'];
  const nz = snippet((s) => s.NZ?.resources).NZ;

  // Every test starts from a fresh copy of knowledge/ with steps 1 to 6 of the guide made.
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kapchat-guide-'));
    cpSync('knowledge', dir, { recursive: true });
    edit('faq.json', (k) => {
      const cure = k.faq.find((e: any) => e.id === 'is-it-a-cure');
      cure.answer = answer; // step 1
      cure.alternates.push('Will I be fixed for good after treatment?', 'Does the healing last forever?'); // step 2
      k.faq.push(entry); // step 3
    });
    edit('practice.json', (k) => {
      k.practice.booking = booking; // step 4
      k.crisis.defaultCountry = defaultCountry; // step 5
      k.crisis.countries.US.resources['poison-control'] = correction; // step 5, correcting a number
      k.crisis.countries.NZ = nz; // step 5, adding a country
    });
    edit('safety.json', (k) => k.safety.eligibility.medications.push('newmedname')); // step 6
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the check (step 7)', () => {
    const run = cli('scripts/knowledge-check.ts', dir);
    expect(run.stderr + run.stdout).toMatch(/0 errors/);
    expect(run.status).toBe(0);
  });

  it('answers with the edited answer and the new phrasings', () => {
    const reply = ask('does the healing last forever?');
    expect(reply).toMatchObject({ route: 'answer', entryId: 'is-it-a-cure' });
    expect(reply.text).toContain('realistic change');
  });

  it('answers the new entry', () => {
    expect(ask('Why do the conversations before and after ketamine matter?')).toMatchObject({ route: 'answer', entryId: 'before-and-after' });
  });

  it('uses the new booking link and the crisis numbers of the other country', () => {
    expect(ask('I would like to book a consultation').actions[0].href).toBe(booking.url);
    const reply = ask('I want to end my life');
    expect(reply.route).toBe('crisis');
    expect(reply.actions.map((a: any) => a.href)).toEqual(['tel:116123', 'sms:85258', 'tel:999']);
  });

  it('adds the country of step 5, with the emergency number first for a medical emergency', () => {
    const { files } = loadKnowledgeDir(dir);
    const knowledge = validateKnowledgeFiles(files).knowledge!;
    const replies = createReplyBuilder(knowledge, { country: 'NZ' });
    expect(replies.crisis(undefined, 'medical').actions.map((a) => a.href)).toEqual(['tel:111']);
    expect(replies.crisis().actions.map((a) => a.href)).toEqual(['tel:1737', 'sms:1737', 'tel:111']);
    expect(createReplyBuilder(knowledge, { country: 'US' }).crisis(undefined, 'medical').actions[1]).toMatchObject({ href: 'tel:18002221222', label: correction.label });
  });

  it('routes the added medication to eligibility', () => {
    expect(ask('I take newmedname, is that ok?').route).toBe('eligibility');
  });

  it('reports a mistake with the file, the entry by its id and question, and the fix', () => {
    edit('faq.json', (k) => (k.faq[8].answer = 42));
    const run = cli('scripts/knowledge-check.ts', dir);
    expect(run.status).toBe(1);
    const entry = defaultKnowledge.faq[8]!;
    expect(run.stdout + run.stderr).toContain(`faq.json: entry ${entry.id} (${entry.question}), answer: `);
  });

  it('publishes a corrected crisis number as a partial file (step 9)', () => {
    const partial = snippet((s) => s.crisis?.countries?.US);
    const result = validateKnowledgeDocument(mergeKnowledge(defaultKnowledge, partial));
    expect(result.ok).toBe(true);
    const poison = result.knowledge!.crisis.countries.US!.resources['poison-control']!;
    expect(poison).toEqual({ ...defaultKnowledge.crisis.countries.US!.resources['poison-control'], number: partial.crisis.countries.US.resources['poison-control'].number });
  });

  it('publishes the partial file of step 9 as a valid knowledge URL', () => {
    const partial = snippet((s) => Array.isArray(s.faq) && s.practice);
    const result = validateKnowledgeDocument(mergeKnowledge(defaultKnowledge, partial));
    expect(result.ok).toBe(true);
    expect(result.knowledge!.practice.booking.url).toBe(partial.practice.booking.url);
  });
});
