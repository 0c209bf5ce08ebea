import { describe, it, expect, afterEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as say from '../../widget/core/knowledge/errorMessages';
import { defaultKnowledge } from '../../widget/core/knowledge/defaultKnowledge';
import { knowledgeCheckRun } from './commandLine';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Run in process, a check takes well under a second; the bound only stops a hang. */
const TIMEOUT = 60_000;
const folders: string[] = [];

/** A temporary copy of knowledge/, optionally changed by `edit`. */
function knowledgeCopy(edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapchat-check-'));
  folders.push(dir);
  cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
  edit?.(dir);
  return dir;
}

function editJson(dir: string, file: string, edit: (doc: Record<string, unknown>) => void): void {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(doc);
  writeFileSync(join(dir, file), JSON.stringify(doc, null, 2));
}

/** `npm run knowledge:check -- ...args`, run in process. */
const check = (...args: string[]) => knowledgeCheckRun(...args);

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('knowledge-check', () => {
  describe('with the shipped knowledge', () => {
    it('exits 0 and sums up without errors', { timeout: TIMEOUT }, () => {
      const dir = knowledgeCopy();
      const { status, stdout, stderr } = check(dir);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^0 errors, \\d+ warnings? in ${dir}/$`, 'm'));
      expect(status).toBe(0);
    });
  });

  describe('with an answer that is a number', () => {
    const plant = (dir: string) => editJson(dir, 'faq.json', (doc) => ((doc.faq as Array<Record<string, unknown>>)[3]!.answer = 42));

    it('exits 1 and names the file, the entry by its id and question, and the fix', { timeout: TIMEOUT }, () => {
      const dir = knowledgeCopy(plant);
      const { status, stdout } = check(dir);
      const { message, fix } = say.wrongType('text', 42);
      const entry = defaultKnowledge.faq[3]!;
      expect(stdout).toContain(`${dir}/faq.json: entry ${entry.id} (${entry.question}), answer: ${message}. Fix: ${fix}`);
      expect(stdout).not.toContain('faq[3]');
      expect(stdout).toMatch(new RegExp(`^1 error, \\d+ warnings? in ${dir}/$`, 'm'));
      expect(status).toBe(1);
    });

    it('prints the problems as JSON with --json', { timeout: TIMEOUT }, () => {
      const dir = knowledgeCopy(plant);
      const { status, stdout } = check(dir, '--json');
      const report = JSON.parse(stdout);
      expect(report).toMatchObject({ directory: dir, ok: false, errors: 1 });
      const entry = defaultKnowledge.faq[3]!;
      expect(report.problems).toContainEqual({ severity: 'error', file: 'faq.json', path: 'faq[3].answer', place: `entry ${entry.id} (${entry.question}), answer`, ...say.wrongType('text', 42) });
      expect(status).toBe(1);
    });
  });

  describe('with a JSON syntax error', () => {
    it('exits 1 and gives the line and column, without a stack trace', { timeout: TIMEOUT }, () => {
      const dir = knowledgeCopy((d) => writeFileSync(join(d, 'fit.json'), '{\n  "fit": {\n    "questions": [],\n  }\n}\n'));
      const { status, stdout, stderr } = check(dir);
      const { message, fix } = say.invalidJson('trailing-comma');
      expect(stdout).toContain(`${dir}/fit.json: line 3, column 20: ${message}. Fix: ${fix}`);
      // The sections of the broken file are not reported missing as well.
      expect(stdout).not.toContain(say.missingSection('fit', 'fit.json').message);
      expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
      expect(status).toBe(1);
    });
  });
});
