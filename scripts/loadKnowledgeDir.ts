import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as say from '../widget/core/knowledge/errorMessages';
import type { JsonSyntaxKind, ProblemText } from '../widget/core/knowledge/errorMessages';
import type { Problem } from '../widget/core/knowledge/validateKnowledge';

export interface LoadedKnowledge {
  /** Parsed content of every `*.json` file that could be read, by file name (`faq.json`). */
  files: Record<string, unknown>;
  /** Files that could not be read or parsed: JSON syntax errors with their line and column. */
  problems: Problem[];
}

/**
 * Reads every `*.json` file of a knowledge folder (not its subfolders, so `schema/` is left out),
 * ready for `validateKnowledgeFiles`. Never throws: a missing folder, an unreadable file or a JSON
 * syntax error becomes a problem that says where and what to do.
 *
 * @example
 * const { files, problems } = loadKnowledgeDir('knowledge');
 * const result = validateKnowledgeFiles(files, { partial: problems.length > 0 });
 */
export function loadKnowledgeDir(dir = 'knowledge'): LoadedKnowledge {
  const files: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const fail = (text: ProblemText, file?: string, at?: { line: number; column: number }) =>
    problems.push({ severity: 'error', path: '', ...text, ...(file === undefined ? {} : { file }), ...at });

  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.json'))
      .map((d) => d.name)
      .sort();
  } catch {
    fail(say.folderNotFound(dir));
    return { files, problems };
  }
  if (names.length === 0) fail(say.noJsonFiles(dir));

  for (const name of names) {
    let text: string;
    try {
      // A byte-order mark, added by some Windows editors, is not JSON.
      text = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      fail(say.unreadableFile(error instanceof Error && 'code' in error ? String(error.code) : String(error)), name);
      continue;
    }
    if (text.trim() === '') {
      fail(say.emptyFile(), name);
      continue;
    }
    try {
      files[name] = JSON.parse(text);
    } catch (error) {
      const found = findSyntaxError(text);
      if (found) fail(say.invalidJson(found.kind), name, lineAndColumn(text, found.position));
      else fail(say.invalidJsonDetail(error instanceof Error ? error.message.slice(0, 120) : String(error)), name);
    }
  }
  return { files, problems };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

class SyntaxAt {
  constructor(
    readonly kind: JsonSyntaxKind,
    readonly position: number,
  ) {}
}

/**
 * Finds where a JSON text goes wrong, and how, in terms a practitioner can act on. `JSON.parse`
 * says "Unexpected token" without a position for many mistakes, and nothing about trailing commas
 * or curly quotes, the two most common ones when editing by hand.
 */
function findSyntaxError(text: string): { kind: JsonSyntaxKind; position: number } | null {
  let i = 0;
  const fail = (kind: JsonSyntaxKind, at = i): never => {
    throw new SyntaxAt(i >= text.length && kind !== 'extra-content' ? 'unexpected-end' : kind, at);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  /** What a character that cannot start a value most likely means; `comma` is where the comma before it stands, if any. */
  const notAValue = (comma: number | null): never => {
    const c = text[i];
    if (comma !== null && (c === '}' || c === ']')) return fail('trailing-comma', comma);
    if (c === '“' || c === '”' || c === '„') return fail('curly-quote');
    if (c !== undefined && /[\p{L}']/u.test(c)) return fail('unquoted-text');
    return fail('bad-value');
  };

  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\n' || c === '\r') fail('unclosed-text');
      if (c === '\\') {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) fail('bad-escape');
        i++;
      }
      i++;
    }
    fail('unexpected-end');
  };

  const members = (close: '}' | ']') => {
    i++; // opening bracket
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    let comma: number | null = null;
    for (;;) {
      if (close === '}') {
        if (text[i] !== '"') notAValue(comma);
        string();
        space();
        if (text[i] !== ':') fail(text[i] === undefined ? 'unexpected-end' : 'missing-colon');
        i++;
        space();
      }
      value(close === ']' ? comma : null);
      space();
      if (text[i] === ',') {
        comma = i++;
        space();
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(text[i] === '”' ? 'curly-quote' : 'missing-comma');
    }
  };

  const value = (comma: number | null) => {
    const c = text[i];
    if (c === '{') return members('}');
    if (c === '[') return members(']');
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w.])/.exec(text.slice(i, i + 40));
    if (literal) {
      i += literal[0].length;
      return;
    }
    notAValue(comma);
  };

  try {
    space();
    value(null);
    space();
    if (i < text.length) fail('extra-content');
    return null;
  } catch (error) {
    if (error instanceof SyntaxAt) return { kind: error.kind, position: error.position };
    throw error;
  }
}
