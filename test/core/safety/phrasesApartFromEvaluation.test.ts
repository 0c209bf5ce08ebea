import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/index';
import { foldText } from '../../../widget/core/text/normalize';
import { evaluationFiles, evaluationQuestions } from '../../../scripts/evaluationSets';

/** Every phrase of the safety lists, with where it stands. */
function safetyPhrases(): Array<{ where: string; phrase: string }> {
  const out: Array<{ where: string; phrase: string }> = [];
  for (const [route, terms] of Object.entries(defaultKnowledge.safety)) {
    for (const [list, phrases] of Object.entries(terms as unknown as Record<string, unknown>)) {
      if (!Array.isArray(phrases) || list === 'patterns') continue;
      for (const phrase of phrases) if (typeof phrase === 'string') out.push({ where: `safety.${route}.${list}`, phrase });
    }
  }
  return out;
}

describe('the safety words stay apart from every evaluation set', () => {
  it('reads the project sets, the shared samples and the public benchmark', () => {
    expect(evaluationFiles().length).toBeGreaterThanOrEqual(5);
  });

  it('has no safety phrase of four or more words that stands verbatim in a labelled question', () => {
    const questions = evaluationQuestions().map((q) => ` ${foldText(q)} `);
    const long = safetyPhrases().filter((p) => foldText(p.phrase.replace(/\*/g, '')).split(' ').length >= 4);
    const found = long.filter((p) => questions.some((q) => q.includes(` ${foldText(p.phrase.replace(/\*/g, ''))} `))).map((p) => `${p.where}: ${p.phrase}`);
    expect(found).toEqual([]);
  });
});
