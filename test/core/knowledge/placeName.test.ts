import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/knowledge/defaultKnowledge';
import { placeName } from '../../../widget/core/knowledge/placeName';

const cure = defaultKnowledge.faq.findIndex((e) => e.id === 'is-it-a-cure');
const question = defaultKnowledge.faq[cure]!.question;

describe('placeName', () => {
  it.each([
    [`faq[${cure}].answer`, `entry is-it-a-cure (${question}), answer`],
    [`faq[${cure}].alternates[0]`, `entry is-it-a-cure (${question}), alternate 1`],
    [`faq[${cure}].followUps[1]`, `entry is-it-a-cure (${question}), follow-up 2`],
    [`faq[${cure}]`, `entry is-it-a-cure (${question})`],
    ['faq', 'the entries'],
    ['practice.booking.url', 'practice settings, booking link'],
    ['messages.disclaimer', 'practice settings, disclaimer'],
    ['safety.crisis.phrases[12]', 'safety → crisis → phrases, item 13'],
    ['crisis.countries.US.kinds["self-harm"].resources[0]', 'crisis → countries → US → kinds → self-harm → resources, item 1'],
    ['fit.questions[0].choices[1].label', `reflection question ${defaultKnowledge.fit.questions[0]!.id} (${defaultKnowledge.fit.questions[0]!.text}), choices, item 2, label`],
    ['', ''],
  ])('names %s as "%s"', (path, expected) => {
    expect(placeName(path, defaultKnowledge)).toBe(expected);
  });

  it('names an entry past the end of the list by its number', () => {
    expect(placeName('faq[99].id', defaultKnowledge)).toBe('entry number 100 (no id yet), id');
  });

  it('shortens a long question', () => {
    const doc = { faq: [{ id: 'long', question: 'word '.repeat(40) }] };
    expect(placeName('faq[0].answer', doc)).toMatch(/^entry long \(word( word)+…\), answer$/);
  });
});
