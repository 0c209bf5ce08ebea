import * as say from './errorMessages';
import type { JsonSyntaxKind } from './errorMessages';
import type { Problem } from './validateKnowledge';

/**
 * Parses a knowledge file's text. A syntax error becomes a problem with its line and column and
 * the likely mistake in plain words (a trailing comma, curly quotes…), never an exception.
 * Used by the command line and the playground.
 *
 * @example
 * parseKnowledgeJson('{ "faq": [ ], }', 'faq.json')
 * // → { problem: { severity: 'error', file: 'faq.json', line: 1, column: 13, message: '…trailing comma…', … } }
 */
export function parseKnowledgeJson(text: string, file?: string): { value: unknown } | { problem: Problem } {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(clean) };
  } catch (error) {
    const found = findSyntaxError(clean);
    const at = found ? lineAndColumn(clean, found.position) : undefined;
    const words = found ? say.invalidJson(found.kind) : say.invalidJsonDetail(error instanceof Error ? error.message.slice(0, 120) : String(error));
    return { problem: { severity: 'error', path: '', ...words, ...(file === undefined ? {} : { file }), ...at } };
  }
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

  /**
   * After a text that ended at `end`, more of the line follows, up to another double quote: the
   * text was most likely cut short by a straight quote inside it, as in "not a "cure" for…".
   */
  const quoteInText = (end: number): boolean => {
    const c = text[i];
    if (c === undefined || c === ',' || c === '}' || c === ']' || c === ':' || c === '"') return false;
    const lineEnd = text.indexOf('\n', end);
    const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
    return i < end + rest.length && rest.includes('"');
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
      const start = i;
      value(close === ']' ? comma : null);
      const valueEnd = i;
      space();
      if (text[start] === '"' && quoteInText(valueEnd)) fail('quote-in-text', valueEnd - 1);
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
