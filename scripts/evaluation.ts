/**
 * Scoring of labelled questions, shared by `npm run eval` and the tests that hold the engine to
 * its targets. Format and rules: see knowledge/questions.jsonl and the README.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { createConversation, createEngine, type Engine, type Knowledge, type Reply, type Route } from '../widget/core/index';

export type Category = 'faq' | 'eligibility' | 'crisis' | 'crisis-subtle' | 'support' | 'off-topic' | 'nocrisis' | 'booking' | 'smalltalk';
export const CATEGORIES: Category[] = ['faq', 'eligibility', 'crisis', 'crisis-subtle', 'support', 'off-topic', 'nocrisis', 'booking', 'smalltalk'];

export interface LabelledQuestion {
  q: string;
  routes: Route[];
  ids?: string[];
  category?: Category;
  /** The benchmark's own name for the category (`crisis`, `crisis-subtle`, `nocrisis`). */
  cat?: string;
  /** For crisis lines: the kind of crisis (`self-harm`, `medical`, `violence`, `someone-else`, `harm-to-others`). */
  kind?: string;
}

/** A multi-turn scenario: one conversation, each turn labelled like a single question. */
export interface Scenario {
  name: string;
  turns: LabelledQuestion[];
}

export function loadQuestions(path: string): LabelledQuestion[] {
  return loadJsonLines<LabelledQuestion>(path, '{"q": "…", "routes": ["answer"], "ids": ["what-is-kap"]}');
}

/** Scenarios, one JSON object a line: `{"name": "…", "turns": [{"q": "…", "routes": ["answer"]}, …]}`. */
export function loadScenarios(path: string): Scenario[] {
  return loadJsonLines<Scenario>(path, '{"name": "…", "turns": [{"q": "…", "routes": ["answer"]}]}');
}

/** Whether a file holds scenarios rather than single questions (its first object has `turns`). */
export function isScenarioFile(path: string): boolean {
  const first = readFileSync(path, 'utf8').split('\n').find((l) => l.trim() && !l.trim().startsWith('//'));
  return !!first && /"turns"\s*:/.test(first);
}

function loadJsonLines<T>(path: string, example: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line && !line.startsWith('//'))
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON. Each line must be one object like ${example}.`);
      }
    });
}

/** The category a question belongs to, from its label when it has none written. */
export function categoryOf(q: LabelledQuestion): Category {
  if (q.category) return q.category;
  if (q.cat && (CATEGORIES as string[]).includes(q.cat)) return q.cat as Category;
  if (q.routes.includes('crisis')) return 'crisis';
  if (q.routes.length === 1 && q.routes[0] === 'eligibility') return 'eligibility';
  if (q.routes.length === 1 && q.routes[0] === 'booking') return 'booking';
  if (q.routes.length === 1 && q.routes[0] === 'smalltalk') return 'smalltalk';
  if (q.routes.length === 1 && q.routes[0] === 'support') return 'support';
  if (q.routes.includes('answer')) return 'faq';
  return 'off-topic';
}

/** Whether a reply passes, by the rules of shared/eval/README.md. */
export function passes(q: LabelledQuestion, reply: ScoredReply): boolean {
  if (!q.routes.includes(reply.route)) return false;
  if (reply.route === 'answer' && q.ids && !q.ids.includes(reply.entryId ?? '')) return false;
  if ((reply.route === 'eligibility' || reply.route === 'booking') && !reply.actions.some((a) => a.type === 'book')) return false;
  if (reply.route === 'crisis') {
    const named = /\b(?:988|911)\b/.test(reply.text) || reply.actions.some((a) => a.type === 'call' && /(?:988|911)/.test(a.href ?? ''));
    if (!named) return false;
  }
  return true;
}

type ScoredReply = Pick<Reply, 'route' | 'entryId' | 'actions' | 'text'> & Partial<Pick<Reply, 'kind' | 'debug'>>;

export interface Outcome {
  question: LabelledQuestion;
  category: Category;
  reply: ScoredReply;
  pass: boolean;
}

export interface Scores {
  outcomes: Outcome[];
  /** Pass rate per category, 0 to 1. */
  rates: Record<Category, { passed: number; total: number; rate: number }>;
  /** Share of questions not accepting `eligibility` that got it. */
  eligibilityFalsePositive: number;
  crisisFalsePositive: number;
  /** Crisis recall by the labelled kind of crisis (lines of category `crisis` only). */
  crisisByKind: Record<string, { passed: number; total: number; rate: number; kindAgrees: number }>;
}

export type Answerer = (question: string) => ScoredReply;

export function score(questions: LabelledQuestion[], answer: Answerer): Scores {
  const outcomes = questions.map((question) => {
    const reply = answer(question.q);
    return { question, category: categoryOf(question), reply, pass: passes(question, reply) };
  });
  const rates = {} as Scores['rates'];
  for (const category of CATEGORIES) {
    const mine = outcomes.filter((o) => o.category === category);
    const passed = mine.filter((o) => o.pass).length;
    rates[category] = { passed, total: mine.length, rate: mine.length ? passed / mine.length : 1 };
  }
  const falsePositive = (route: Route) => {
    const pool = outcomes.filter((o) => !o.question.routes.includes(route));
    return pool.length ? pool.filter((o) => o.reply.route === route).length / pool.length : 0;
  };
  const crisisByKind: Scores['crisisByKind'] = {};
  for (const o of outcomes.filter((x) => x.category === 'crisis')) {
    const k = o.question.kind ?? 'unlabelled';
    const row = (crisisByKind[k] ??= { passed: 0, total: 0, rate: 0, kindAgrees: 0 });
    row.total++;
    if (o.pass) row.passed++;
    if (o.pass && o.question.kind && o.reply.kind === o.question.kind) row.kindAgrees++;
    row.rate = row.passed / row.total;
  }
  return { outcomes, rates, eligibilityFalsePositive: falsePositive('eligibility'), crisisFalsePositive: falsePositive('crisis'), crisisByKind };
}

export interface ScenarioOutcome {
  scenario: Scenario;
  pass: boolean;
  /** Index of the first failing turn, and what it got. */
  failedTurn?: { index: number; reply: ScoredReply };
}

/** Plays each scenario in one fresh conversation; a scenario passes when every turn passes. */
export function scoreScenarios(scenarios: Scenario[], knowledge: Knowledge | Engine): { outcomes: ScenarioOutcome[]; rate: number; turns: { passed: number; total: number } } {
  const engine = 'reader' in knowledge ? knowledge : createEngine(knowledge);
  let turnsPassed = 0;
  let turnsTotal = 0;
  const outcomes = scenarios.map((scenario) => {
    const chat = createConversation(engine);
    let failedTurn: ScenarioOutcome['failedTurn'];
    scenario.turns.forEach((turn, index) => {
      const reply = chat.ask(turn.q);
      turnsTotal++;
      if (passes(turn, reply)) turnsPassed++;
      else failedTurn ??= { index, reply };
    });
    return { scenario, pass: !failedTurn, failedTurn };
  });
  return { outcomes, rate: outcomes.length ? outcomes.filter((o) => o.pass).length / outcomes.length : 1, turns: { passed: turnsPassed, total: turnsTotal } };
}

/** Our engine, a fresh conversation for every question. */
export function engineAnswerer(knowledge: Knowledge | Engine): Answerer {
  const engine = 'reader' in knowledge ? knowledge : createEngine(knowledge);
  return (q) => createConversation(engine).ask(q);
}

/**
 * The baseline to beat: a plain fuse.js search over the entries' questions alone, with fuse.js
 * defaults. A hit answers; no hit falls back. It knows nothing of safety, booking or small talk.
 */
export function baselineAnswerer(knowledge: Knowledge): Answerer {
  const fuse = new Fuse(knowledge.faq, { keys: ['question'], includeScore: true });
  return (q) => {
    const hit = fuse.search(q.slice(0, 500))[0];
    return hit
      ? { route: 'answer', entryId: hit.item.id, actions: [], text: hit.item.answer }
      : { route: 'fallback', entryId: null, actions: [], text: '' };
  };
}
