/**
 * `npm run eval [-- questions.jsonl]`: scores the engine on the labelled questions and prints pass
 * rates per category, the safety false-positive rates, every failure, and the same figures for a
 * plain fuse.js baseline.
 */
import { resolve } from 'node:path';
import { defaultKnowledge } from '../widget/core/index';
import { baselineAnswerer, CATEGORIES, engineAnswerer, loadQuestions, score, type Scores } from './evaluation';

const file = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'knowledge/questions.jsonl');
const questions = loadQuestions(file);
const ours = score(questions, engineAnswerer(defaultKnowledge));
const baseline = score(questions, baselineAnswerer(defaultKnowledge));

const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';
const TARGETS: Record<string, string> = { faq: '≥ 90%', eligibility: '100%', crisis: '100%', 'off-topic': '≥ 90%', booking: '', smalltalk: '' };

console.log(`${questions.length} labelled questions from ${file}\n`);
console.log('category       engine                 fuse.js baseline   target');
for (const c of CATEGORIES) {
  const r = ours.rates[c];
  const b = baseline.rates[c];
  console.log(`${c.padEnd(14)} ${pct(r.rate)} (${String(r.passed).padStart(3)}/${String(r.total).padStart(3)})      ${pct(b.rate)} (${String(b.passed).padStart(3)}/${String(b.total).padStart(3)})   ${TARGETS[c]}`);
}
const fp = (s: Scores) => `eligibility ${pct(s.eligibilityFalsePositive)}, crisis ${pct(s.crisisFalsePositive)}`;
console.log(`\nfalse positives  engine: ${fp(ours)}   baseline: ${fp(baseline)}   (targets ≤ 3%, ≤ 1%)`);
const total = (s: Scores) => s.outcomes.filter((o) => o.pass).length;
console.log(`overall          engine: ${total(ours)}/${questions.length}   baseline: ${total(baseline)}/${questions.length}`);

const failures = ours.outcomes.filter((o) => !o.pass);
console.log(`\n${failures.length} failures of the engine:`);
for (const f of failures) {
  const want = f.question.routes.join('|') + (f.question.ids ? ' ' + f.question.ids.join('|') : '');
  console.log(`  [${f.category}] ${JSON.stringify(f.question.q)} → ${f.reply.route}${f.reply.entryId ? ' ' + f.reply.entryId : ''}  (want ${want})`);
}
