import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core/index';
import { engineAnswerer, loadQuestions, score } from '../../scripts/evaluation';

/** One engine answers every set of this file: building it is the costly part, and it keeps no state between questions. */
const answerer = engineAnswerer(defaultKnowledge);
const scores = score(loadQuestions('knowledge/questions.jsonl'), answerer);
const failures = (category: string) => scores.outcomes.filter((o) => o.category === category && !o.pass).map((o) => `${o.question.q} → ${o.reply.route}`);

/**
 * knowledge/questions.jsonl is the set the knowledge was written and tuned against: it holds the
 * routes at 100% for safety, and the floors below hold the engine to what it did on sets it had
 * never seen.
 */
describe('the labelled question set the knowledge was tuned on (knowledge/questions.jsonl)', () => {
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

/**
 * The first-contact figures recorded in docs/evaluation.md are floors: a later change may not
 * fall below what the engine did on a set the first time it saw it. Retraining the models moves
 * a category by a line or two either way (measured: dropping 41 of 31,000 training lines moved
 * fc5's and fc6's eligibility by two lines each, of 93 and 90), so a floor allows 2 points or two
 * lines, whichever is more: a larger fall is a regression.
 */
const RETRAINING_NOISE = 0.02;
const RETRAINING_LINES = 2;
describe('the recorded first-contact figures hold as floors', () => {
  const floors: Array<{ file: string; category: 'faq' | 'eligibility' | 'crisis' | 'booking' | 'smalltalk'; rate: number }> = [
    { file: 'fc1-safety', category: 'crisis', rate: 29 / 141 },
    { file: 'fc1-safety', category: 'eligibility', rate: 65 / 86 },
    { file: 'fc1-answers', category: 'faq', rate: 153 / 198 },
    { file: 'fc2-safety', category: 'crisis', rate: 106 / 144 },
    { file: 'fc2-safety', category: 'eligibility', rate: 87 / 95 },
    { file: 'fc2-answers', category: 'faq', rate: 145 / 207 },
    { file: 'fc3-safety', category: 'crisis', rate: 111 / 149 },
    { file: 'fc3-safety', category: 'eligibility', rate: 81 / 88 },
    { file: 'fc3-answers', category: 'faq', rate: 161 / 209 },
    { file: 'fc4-safety', category: 'crisis', rate: 132 / 151 },
    { file: 'fc4-safety', category: 'eligibility', rate: 88 / 92 },
    { file: 'fc4-answers', category: 'faq', rate: 149 / 187 },
    { file: 'fc4-answers', category: 'booking', rate: 32 / 38 },
    { file: 'fc4-answers', category: 'smalltalk', rate: 29 / 33 },
    { file: 'fc5-safety', category: 'crisis', rate: 128 / 151 },
    { file: 'fc5-safety', category: 'eligibility', rate: 86 / 93 },
    { file: 'fc5-answers', category: 'faq', rate: 153 / 199 },
    { file: 'fc5-answers', category: 'booking', rate: 34 / 39 },
    { file: 'fc5-answers', category: 'smalltalk', rate: 30 / 33 },
    { file: 'fc6-safety', category: 'crisis', rate: 143 / 155 },
    { file: 'fc6-safety', category: 'eligibility', rate: 84 / 90 },
    { file: 'fc6-answers', category: 'faq', rate: 165 / 204 },
    { file: 'fc6-answers', category: 'booking', rate: 31 / 39 },
    { file: 'fc6-answers', category: 'smalltalk', rate: 29 / 31 },
    { file: 'fc7-safety', category: 'crisis', rate: 150 / 160 },
    { file: 'fc7-safety', category: 'eligibility', rate: 87 / 91 },
    { file: 'fc7-answers', category: 'faq', rate: 177 / 217 },
    { file: 'fc7-answers', category: 'booking', rate: 35 / 39 },
    { file: 'fc7-answers', category: 'smalltalk', rate: 28 / 30 },
    { file: 'fc8-safety', category: 'crisis', rate: 161 / 164 },
    { file: 'fc8-safety', category: 'eligibility', rate: 90 / 94 },
    { file: 'fc8-answers', category: 'faq', rate: 189 / 219 },
    { file: 'fc8-answers', category: 'booking', rate: 39 / 40 },
    { file: 'fc8-answers', category: 'smalltalk', rate: 29 / 30 },
    { file: 'fc9-safety', category: 'crisis', rate: 166 / 175 },
    { file: 'fc9-safety', category: 'eligibility', rate: 100 / 104 },
    { file: 'fc9-answers', category: 'faq', rate: 179 / 200 },
    { file: 'fc9-answers', category: 'booking', rate: 39 / 40 },
    { file: 'fc9-answers', category: 'smalltalk', rate: 29 / 30 },
    { file: 'fc10-safety', category: 'crisis', rate: 169 / 175 },
    { file: 'fc10-safety', category: 'eligibility', rate: 96 / 105 },
    { file: 'fc10-answers', category: 'faq', rate: 174 / 200 },
    { file: 'fc10-answers', category: 'booking', rate: 38 / 40 },
    { file: 'fc10-answers', category: 'smalltalk', rate: 28 / 30 },
    { file: 'fc11-safety', category: 'crisis', rate: 162 / 175 },
    { file: 'fc11-safety', category: 'eligibility', rate: 96 / 105 },
    { file: 'fc11-answers', category: 'faq', rate: 176 / 200 },
    { file: 'fc11-answers', category: 'booking', rate: 36 / 40 },
    { file: 'fc11-answers', category: 'smalltalk', rate: 29 / 30 },
    { file: 'fc12-safety', category: 'crisis', rate: 160 / 170 },
    { file: 'fc12-safety', category: 'eligibility', rate: 94 / 102 },
    { file: 'fc12-answers', category: 'faq', rate: 183 / 196 },
    { file: 'fc12-answers', category: 'booking', rate: 40 / 40 },
    { file: 'fc12-answers', category: 'smalltalk', rate: 29 / 30 },
    { file: 'fc13-safety', category: 'crisis', rate: 164 / 172 },
    { file: 'fc13-safety', category: 'eligibility', rate: 88 / 101 },
    { file: 'fc13-answers', category: 'faq', rate: 188 / 205 },
    { file: 'fc13-answers', category: 'booking', rate: 40 / 40 },
    { file: 'fc13-answers', category: 'smalltalk', rate: 30 / 30 },
  ];
  const byFile = new Map<string, ReturnType<typeof score>>();
  it.each(floors)('$file: $category at least $rate', ({ file, category, rate }) => {
    let s = byFile.get(file);
    if (!s) byFile.set(file, (s = score(loadQuestions(`test/fixtures/questions/${file}.jsonl`), answerer)));
    // …or two lines, whichever is more (two lines of 38 are 5.3 points).
    const noise = Math.max(RETRAINING_NOISE, RETRAINING_LINES / s.rates[category].total) + 1e-9;
    expect(s.rates[category].rate).toBeGreaterThanOrEqual(rate - noise);
  });
});
