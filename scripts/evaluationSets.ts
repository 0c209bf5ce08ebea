/**
 * Every labelled evaluation set the project knows: its own, the shared samples and the public
 * benchmark beside the project. Knowledge and training data must stay apart from all of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../widget/core/text/normalize';

export const EVALUATION_DIRS = ['test/fixtures/questions', '../shared/eval', '../shared/external'];
export const EVALUATION_FILES = ['knowledge/questions.jsonl'];

/** The evaluation files that exist here, `.jsonl` only. */
export function evaluationFiles(): string[] {
  const files = EVALUATION_FILES.filter((f) => existsSync(f));
  for (const dir of EVALUATION_DIRS) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.jsonl')) files.push(join(dir, name));
  }
  return files;
}

/** Every question and scenario turn of every evaluation set, as typed. */
export function evaluationQuestions(): string[] {
  const out: string[] = [];
  for (const file of evaluationFiles()) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.trim().startsWith('//')) continue;
      try {
        const row = JSON.parse(line) as { q?: unknown; turns?: Array<{ q?: unknown }> };
        if (typeof row.q === 'string') out.push(row.q);
        for (const turn of row.turns ?? []) if (typeof turn.q === 'string') out.push(turn.q);
      } catch {
        /* the evaluation itself reports a broken line */
      }
    }
  }
  return out;
}

/** A line's identity for "the same line": case, accents and punctuation do not count. */
export const lineKey = (text: string) => foldText(text);

export function evaluationLines(): Set<string> {
  return new Set(evaluationQuestions().map(lineKey));
}
