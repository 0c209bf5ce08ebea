/**
 * `npm run eval [-- file.jsonl …]`: scores the engine on labelled questions (or multi-turn
 * scenarios) and prints pass rates per category, crisis recall by kind, the safety false-alarm
 * rates, every failure, and the same figures for a plain fuse.js baseline.
 */
import { resolve } from 'node:path';
import { createEngine, defaultKnowledge } from '../widget/core/index';
import { engineConfig } from '../widget/core/config';
import { baselineAnswerer, CATEGORIES, engineAnswerer, isScenarioFile, loadQuestions, loadScenarios, score, scoreScenarios, type Scores } from './evaluation';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quiet = process.argv.includes('--quiet');
// --safety=rules or --safety=model measures one side of the safety guard alone; the widget uses both.
const safetySide = (process.argv.find((a) => a.startsWith('--safety='))?.slice('--safety='.length) ?? 'both') as 'both' | 'rules' | 'model';
const engine = createEngine(defaultKnowledge, { safety: safetySide, config: engineConfig(JSON.parse(process.env.KAPCHAT_CONFIG ?? '{}')) });
const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';
const TARGETS: Record<string, string> = {
  faq: '≥ 92%',
  eligibility: '≥ 90% (own sets 100%)',
  crisis: '≥ 90% (own sets 100%)',
  'crisis-subtle': 'reported',
  support: '',
  'off-topic': '≥ 95%',
  nocrisis: '',
  booking: '≥ 95%',
  smalltalk: '≥ 95%',
};

for (const arg of files.length ? files : ['knowledge/questions.jsonl']) {
  const file = resolve(arg);
  if (isScenarioFile(file)) {
    const scenarios = loadScenarios(file);
    const result = scoreScenarios(scenarios, engine);
    const passed = result.outcomes.filter((o) => o.pass).length;
    console.log(`${scenarios.length} scenarios from ${file}\n`);
    console.log(`scenarios right  ${pct(result.rate)} (${passed}/${scenarios.length})   turns right ${result.turns.passed}/${result.turns.total}   target ≥ 90%`);
    if (!quiet) {
      for (const o of result.outcomes.filter((x) => !x.pass)) {
        const turn = o.scenario.turns[o.failedTurn!.index]!;
        const r = o.failedTurn!.reply;
        console.log(`  [${o.scenario.name}] turn ${o.failedTurn!.index + 1} ${JSON.stringify(turn.q)} → ${r.route}${r.entryId ? ' ' + r.entryId : ''}  (want ${turn.routes.join('|')}${turn.ids ? ' ' + turn.ids.join('|') : ''})${r.debug?.trigger ? `  [${r.debug.trigger}]` : ''}`);
      }
    }
    console.log('');
    continue;
  }
  const questions = loadQuestions(file);
  const ours = score(questions, engineAnswerer(engine));
  const baseline = score(questions, baselineAnswerer(defaultKnowledge));

  console.log(`${questions.length} labelled questions from ${file}\n`);
  console.log('category       engine                 fuse.js baseline   target');
  for (const c of CATEGORIES) {
    const r = ours.rates[c];
    const b = baseline.rates[c];
    if (r.total === 0) continue;
    console.log(`${c.padEnd(14)} ${pct(r.rate)} (${String(r.passed).padStart(3)}/${String(r.total).padStart(3)})      ${pct(b.rate)} (${String(b.passed).padStart(3)}/${String(b.total).padStart(3)})   ${TARGETS[c]}`);
  }
  const kinds = Object.entries(ours.crisisByKind);
  if (kinds.length > 0) {
    console.log('\ncrisis by kind  recall                 reply of the same kind');
    for (const [kind, r] of kinds) console.log(`  ${kind.padEnd(15)} ${pct(r.rate)} (${String(r.passed).padStart(3)}/${String(r.total).padStart(3)})   ${String(r.kindAgrees).padStart(3)}/${r.passed}`);
  }
  const fp = (s: Scores) => `eligibility ${pct(s.eligibilityFalsePositive)}, crisis ${pct(s.crisisFalsePositive)}`;
  console.log(`\nfalse alarms     engine: ${fp(ours)}   baseline: ${fp(baseline)}   (targets ≤ 3%, ≤ 1%)`);
  const total = (s: Scores) => s.outcomes.filter((o) => o.pass).length;
  console.log(`overall          engine: ${total(ours)}/${questions.length}   baseline: ${total(baseline)}/${questions.length}`);

  const failures = ours.outcomes.filter((o) => !o.pass);
  console.log(`\n${failures.length} failures of the engine${quiet ? ' (--quiet: not listed)' : ':'}`);
  if (!quiet) {
    for (const f of failures) {
      const want = f.question.routes.join('|') + (f.question.ids ? ' ' + f.question.ids.join('|') : '');
      const trigger = f.reply.debug?.trigger ? `  [${f.reply.debug.trigger}]` : '';
      console.log(`  [${f.category}${f.question.kind ? ' ' + f.question.kind : ''}] ${JSON.stringify(f.question.q)} → ${f.reply.route}${f.reply.entryId ? ' ' + f.reply.entryId : ''}  (want ${want})${trigger}`);
    }
  }
  console.log('');
}
