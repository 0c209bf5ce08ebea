import { defaultKnowledge, type Knowledge } from '../core';
import { mergeKnowledge } from '../core/knowledge/mergeKnowledge';
import { parseKnowledgeJson } from '../core/knowledge/parseKnowledgeJson';
import { removedSafetyWords } from '../core/knowledge/safetyWords';
import { validateKnowledgeDocument, type Problem } from '../core/knowledge/validateKnowledge';
import { pathInFile } from '../embed/loadKnowledge';

/** A problem of the playground's knowledge: `path` points into the text, `field` into the form's document. */
export interface EditorProblem extends Problem {
  /** The path in the complete knowledge the form shows, e.g. `faq[8].answer`; absent for a JSON syntax error. */
  field?: string;
}

export interface KnowledgeCheck {
  /** Errors first, then warnings. A JSON syntax error comes alone, with its line and column. */
  problems: EditorProblem[];
  /** The knowledge to use, or null while there is an error. */
  knowledge: Knowledge | null;
  /** The sections the text holds, when it holds only some (then it was merged over the defaults). */
  partialSections: string[] | null;
}

/**
 * Checks the editor's text exactly as the widget checks a published file: parse, merge a partial
 * document over the built-in knowledge, validate; and, as the playground's own rule, that no
 * built-in safety word was removed. Paths point into the text as written, not into the merged
 * result; places name entries by id and question.
 *
 * @example
 * checkKnowledgeText('{ "faq": [{ "id": "is-it-a-cure", "answer": 42 }] }').problems[0].path; // → 'faq[0].answer'
 */
export function checkKnowledgeText(text: string, base: Knowledge = defaultKnowledge): KnowledgeCheck {
  const parsed = parseKnowledgeJson(text);
  if ('problem' in parsed) return { problems: [parsed.problem], knowledge: null, partialSections: null };
  const doc = parsed.value;
  const merged = mergeKnowledge(base, doc);
  const partial = merged !== doc;
  const result = validateKnowledgeDocument(merged);
  const problems: EditorProblem[] = [...result.problems, ...removedSafetyWords(merged, base)]
    .map((p) => ({ ...p, field: p.path, path: partial ? pathInFile(p.path, base, doc, merged) : p.path }))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    problems,
    knowledge: ok && result.knowledge ? result.knowledge : null,
    partialSections: partial ? Object.keys(doc as object).filter((k) => k !== '$schema') : null,
  };
}
