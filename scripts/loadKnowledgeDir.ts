import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as say from '../widget/core/knowledge/errorMessages';
import type { JsonSyntaxKind, ProblemText } from '../widget/core/knowledge/errorMessages';
import type { Problem } from '../widget/core/knowledge/validateKnowledge';
import { parseKnowledgeJson } from '../widget/core/knowledge/parseKnowledgeJson';

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
    const parsed = parseKnowledgeJson(text, name);
    if ('problem' in parsed) problems.push(parsed.problem);
    else files[name] = parsed.value;
  }
  return { files, problems };
}

