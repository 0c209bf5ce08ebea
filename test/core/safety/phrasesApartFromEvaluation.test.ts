import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/index';
import { foldText } from '../../../widget/core/text/normalize';
import { evaluationFiles, evaluationQuestions } from '../../../scripts/evaluationSets';

/** Every phrase of the safety lists, with where it stands. */
function safetyPhrases(): Array<{ where: string; phrase: string }> {
  const out: Array<{ where: string; phrase: string }> = [];
  // Lists stand at any depth: crisis.byKind.medical, crisis.lethality.means…
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') out.push({ where, phrase: value });
    else if (Array.isArray(value)) value.forEach((v) => walk(v, where));
    else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) if (key !== 'patterns') walk(v, `${where}.${key}`);
  };
  walk(defaultKnowledge.safety, 'safety');
  return out;
}

describe('the safety words stay apart from every evaluation set', () => {
  it('reads the project sets, the shared samples and the public benchmark', () => {
    expect(evaluationFiles().length).toBeGreaterThanOrEqual(5);
  });

  it('has no safety phrase of four or more words that stands verbatim in a labelled question', () => {
    // One text of every question, one per line: a folded text has no line breaks, so a phrase found
    // in it stands inside one question. Each phrase is folded once, not once per question.
    const questions = `\n${evaluationQuestions()
      .map((q) => ` ${foldText(q)} `)
      .join('\n')}\n`;
    const long = safetyPhrases()
      .map((p) => ({ ...p, folded: foldText(p.phrase.replace(/\*/g, '')) }))
      .filter((p) => p.folded.split(' ').length >= 4);
    const found = long.filter((p) => questions.includes(` ${p.folded} `)).map((p) => `${p.where}: ${p.phrase}`);
    expect(found).toEqual([]);
  });
});
