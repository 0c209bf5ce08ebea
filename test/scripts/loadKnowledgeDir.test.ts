import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeDir } from '../../scripts/loadKnowledgeDir';
import * as say from '../../widget/core/knowledge/errorMessages';
import type { JsonSyntaxKind } from '../../widget/core/knowledge/errorMessages';

const folders: string[] = [];

/** A temporary knowledge folder holding the given files. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapchat-knowledge-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledgeDir', () => {
  describe('with valid files', () => {
    it('parses every .json file of the folder, by file name', () => {
      const dir = folderWith({ 'faq.json': '{ "faq": [] }', 'fit.json': '\uFEFF{ "fit": {} }', 'questions.jsonl': '{}\n', 'notes.txt': 'x' });
      mkdirSync(join(dir, 'schema'));
      writeFileSync(join(dir, 'schema', 'knowledge.schema.json'), '{}');
      expect(loadKnowledgeDir(dir)).toEqual({ files: { 'faq.json': { faq: [] }, 'fit.json': { fit: {} } }, problems: [] });
    });
  });

  describe('with a JSON syntax error', () => {
    const cases: Array<[situation: string, content: string, line: number, column: number, kind: JsonSyntaxKind]> = [
      ['a comma after the last item', '{\n  "faq": [\n    { "id": "x", }\n  ]\n}', 3, 16, 'trailing-comma'],
      ['a missing comma', '{\n  "a": "x"\n  "b": "y"\n}', 3, 3, 'missing-comma'],
      ['a missing colon', '{\n  "a" "x"\n}', 2, 7, 'missing-colon'],
      ['curly quotes', '{\n  "a": “x”\n}', 2, 8, 'curly-quote'],
      ['a straight double quote inside a text', '{\n  "a": "not a "cure" at all",\n  "b": "y"\n}', 2, 15, 'quote-in-text'],
      ['a straight double quote inside a text in a list', '{\n  "a": ["say "hi" now"]\n}', 2, 14, 'quote-in-text'],
      ['a missing comma between two texts on one line', '{ "a": "x" "b": "y" }', 1, 12, 'missing-comma'],
      ['text without quotes', '{\n  "a": yes\n}', 2, 8, 'unquoted-text'],
      ['a line break inside a text', '{\n  "a": "one\ntwo"\n}', 2, 12, 'unclosed-text'],
      ['a single backslash', '{ "pattern": "\\d+" }', 1, 15, 'bad-escape'],
      ['a missing closing brace', '{\n  "a": [1, 2]\n', 3, 1, 'unexpected-end'],
      ['something after the end', '{ "a": 1 }\n}', 2, 1, 'extra-content'],
    ];

    it.each(cases)('reports %s with the file, line, column and fix', (_, content, line, column, kind) => {
      const { files, problems } = loadKnowledgeDir(folderWith({ 'faq.json': content, 'fit.json': '{ "fit": {} }' }));
      expect(problems).toEqual([{ severity: 'error', file: 'faq.json', path: '', line, column, ...say.invalidJson(kind) }]);
      expect(files).toEqual({ 'fit.json': { fit: {} } });
    });
  });

  describe('with nothing to read', () => {
    it('reports an empty file', () => {
      expect(loadKnowledgeDir(folderWith({ 'faq.json': ' \n' })).problems).toEqual([{ severity: 'error', file: 'faq.json', path: '', ...say.emptyFile() }]);
    });

    it('reports a folder without JSON files', () => {
      const dir = folderWith({});
      expect(loadKnowledgeDir(dir).problems).toEqual([{ severity: 'error', path: '', ...say.noJsonFiles(dir) }]);
    });

    it('reports a missing folder instead of throwing', () => {
      const dir = join(tmpdir(), 'kapchat-no-such-folder');
      expect(loadKnowledgeDir(dir)).toEqual({ files: {}, problems: [{ severity: 'error', path: '', ...say.folderNotFound(dir) }] });
    });
  });
});
