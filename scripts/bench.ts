/**
 * `npm run bench`: median and p95 time per reply, for the seed knowledge and for synthetic
 * knowledge of 200 and 2,000 entries. Each reply is a fresh conversation answering one of the
 * labelled questions, so safety, intents and matching are all measured.
 */
import { performance } from 'node:perf_hooks';
import { createConversation, createEngine, defaultKnowledge, type FaqEntry, type Knowledge } from '../widget/core/index';
import { loadQuestions } from './evaluation';

const questions = loadQuestions('knowledge/questions.jsonl').map((q) => q.q);

/** A knowledge with `size` entries: the seed's, then variations made of their words recombined. */
export function syntheticKnowledge(size: number): Knowledge {
  const seed = defaultKnowledge.faq;
  const vocabulary = [...new Set(seed.flatMap((e) => [e.question, ...e.alternates, e.answer].join(' ').toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  let state = 42;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const phrase = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const faq: FaqEntry[] = [...seed];
  for (let i = faq.length; i < size; i++) {
    faq.push({
      id: `synthetic-${i}`,
      label: phrase(3),
      question: phrase(7) + '?',
      answer: phrase(60) + '.',
      alternates: Array.from({ length: 6 }, () => phrase(6) + '?'),
      keywords: Array.from({ length: 5 }, () => phrase(1)),
    });
  }
  return { ...defaultKnowledge, faq };
}

function measure(knowledge: Knowledge, rounds: number) {
  const started = performance.now();
  const engine = createEngine(knowledge);
  engine.warm();
  const build = performance.now() - started;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      createConversation(engine).ask(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { build, median: at(0.5), p95: at(0.95), max: times[times.length - 1]!, n: times.length };
}

// Warm up the JIT so the first table row is not penalised.
measure(defaultKnowledge, 1);

console.log('knowledge        build     median      p95       max    replies   target p95');
for (const [name, knowledge, rounds, target] of [
  ['seed (13)', defaultKnowledge, 5, '≤ 1 ms'],
  ['200 entries', syntheticKnowledge(200), 3, ''],
  ['2,000 entries', syntheticKnowledge(2000), 1, '≤ 10 ms'],
] as const) {
  const r = measure(knowledge, rounds);
  const ms = (x: number) => (x.toFixed(3) + ' ms').padStart(10);
  console.log(`${name.padEnd(14)} ${ms(r.build)} ${ms(r.median)} ${ms(r.p95)} ${ms(r.max)} ${String(r.n).padStart(8)}   ${target}`);
}
