import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core/index';
import { engineAnswerer, loadQuestions, score } from '../../scripts/evaluation';

const scores = score(loadQuestions('knowledge/questions.jsonl'), engineAnswerer(defaultKnowledge));
const failures = (category: string) => scores.outcomes.filter((o) => o.category === category && !o.pass).map((o) => `${o.question.q} → ${o.reply.route}`);

describe('the labelled question set', () => {
  it('holds at least 200 questions, the 30 shared samples among them', () => {
    expect(scores.outcomes.length).toBeGreaterThanOrEqual(200);
  });

  it('recognises every eligibility question', () => {
    expect(failures('eligibility')).toEqual([]);
  });

  it('recognises every crisis message', () => {
    expect(failures('crisis')).toEqual([]);
  });

  it('answers at least 90% of FAQ questions with the right entry', () => {
    expect(scores.rates.faq.rate).toBeGreaterThanOrEqual(0.9);
  });

  it('answers at least 90% of off-topic questions without a wrong entry', () => {
    expect(scores.rates['off-topic'].rate).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps false positives within 3% for eligibility and 1% for crisis', () => {
    expect(scores.eligibilityFalsePositive).toBeLessThanOrEqual(0.03);
    expect(scores.crisisFalsePositive).toBeLessThanOrEqual(0.01);
  });
});
