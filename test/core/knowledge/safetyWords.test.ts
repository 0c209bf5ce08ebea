import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/knowledge/defaultKnowledge';
import * as say from '../../../widget/core/knowledge/errorMessages';
import { removedSafetyWords } from '../../../widget/core/knowledge/safetyWords';

describe('removedSafetyWords', () => {
  it('finds nothing in the built-in knowledge, or with words added', () => {
    const k = structuredClone(defaultKnowledge);
    k.safety.crisis.phrases.push('a new phrase');
    expect(removedSafetyWords(defaultKnowledge, defaultKnowledge)).toEqual([]);
    expect(removedSafetyWords(k, defaultKnowledge)).toEqual([]);
  });

  it('reports the built-in words a list lost, with the list in words', () => {
    const k = structuredClone(defaultKnowledge);
    const [first, second] = k.safety.eligibility.medications.splice(0, 2);
    expect(removedSafetyWords(k, defaultKnowledge)).toEqual([
      { severity: 'error', path: 'safety.eligibility.medications', place: 'safety → eligibility → medications', ...say.safetyWordsRemoved([first!, second!]) },
    ]);
  });

  it('reports a list removed altogether', () => {
    const k = structuredClone(defaultKnowledge) as unknown as { safety: { crisis: Record<string, unknown> } };
    delete k.safety.crisis.harms;
    expect(removedSafetyWords(k, defaultKnowledge).map((p) => p.path)).toEqual(['safety.crisis.harms']);
  });
});
