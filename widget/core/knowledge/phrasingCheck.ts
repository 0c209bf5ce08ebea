import { createConversation, createEngine } from '../conversation/conversation';
import { engineConfig } from '../config';
import { DEFAULT_CONFIG } from '../config';

const CLARIFY_MARGIN = DEFAULT_CONFIG.clarifyMargin;
import type { Knowledge } from '../types';
import * as say from './errorMessages';
import type { ProblemText } from './errorMessages';
import { placeName } from './placeName';
import type { Problem } from './validateKnowledge';

export interface PhrasingCheckOptions {
  /** The file that holds the `faq` section, named in every problem, e.g. `faq.json`. */
  file?: string;
}

/**
 * Asks the assistant every entry's question and alternates, as a visitor would, and warns about
 * each phrasing that does not come back to its own entry: answered by another entry, a
 * clarification, a fallback, or a safety reply that takes precedence. Also warns about pairs of
 * entries whose questions the matcher cannot tell apart.
 *
 * Kept apart from `validateKnowledge` because it runs the whole engine: the command line and the
 * tests use it, the widget does not. Run it on knowledge that passed validation.
 *
 * @example
 * phrasingProblems(defaultKnowledge, { file: 'faq.json' });
 * // → [{ severity: 'warning', file: 'faq.json', path: 'faq[2].alternates[4]', place: 'entry why-combine (…), alternate 5', message: '"Is the ketamine itself what heals you?" is answered by "is-it-a-cure" instead of this entry', … }]
 */
export function phrasingProblems(knowledge: Knowledge, options: PhrasingCheckOptions = {}): Problem[] {
  const engine = createEngine(knowledge);
  const problems: Problem[] = [];
  const warn = (path: string, text: ProblemText) => {
    const problem: Problem = { severity: 'warning', path, place: placeName(path, knowledge), ...text };
    problems.push(options.file === undefined ? problem : { ...problem, file: options.file });
  };

  knowledge.faq.forEach((entry, index) => {
    const phrasings: Array<[string, string]> = [
      [entry.question, `faq[${index}].question`],
      ...entry.alternates.map((a, i): [string, string] => [a, `faq[${index}].alternates[${i}]`]),
    ];
    for (const [phrasing, path] of phrasings) {
      // A fresh conversation each time: no earlier answer may lend context to the phrasing.
      const reply = createConversation(engine).ask(phrasing);
      const trigger = reply.debug?.trigger;
      if (reply.route === 'answer' && reply.entryId === entry.id) continue;
      if (reply.route === 'answer') warn(path, say.phrasingLandsElsewhere(phrasing, reply.entryId ?? ''));
      else if (reply.route === 'clarify') warn(path, say.phrasingClarifies(phrasing, reply.options));
      else if (reply.route === 'fallback') warn(path, say.phrasingFallsBack(phrasing, trigger));
      else if (reply.route === 'crisis' || reply.route === 'eligibility') warn(path, say.phrasingSafetyRoute(phrasing, reply.route, trigger));
      else warn(path, say.phrasingOtherRoute(phrasing, reply.route, trigger));
    }
  });

  // How confidently each entry's own question matches every entry, by the knowledge's words alone:
  // the topic model knows the default topics, so it would tell apart two entries whose words do not.
  const words = createEngine(knowledge, { config: engineConfig({ topicWeight: 0 }) });
  const scores = knowledge.faq.map((entry) => {
    const candidates = words.matcher.match(words.reader.prepare(entry.question));
    return new Map(candidates.map((c) => [c.entryId, c.confidence]));
  });
  const score = (from: number, to: number) => scores[from]!.get(knowledge.faq[to]!.id) ?? 0;
  for (let i = 0; i < knowledge.faq.length; i++) {
    for (let j = i + 1; j < knowledge.faq.length; j++) {
      // The margin under which the assistant itself asks "did you mean…?" rather than answering.
      if (score(i, i) - score(i, j) < CLARIFY_MARGIN && score(j, j) - score(j, i) < CLARIFY_MARGIN) {
        warn(`faq[${j}].question`, say.nearDuplicateEntries(knowledge.faq[j]!.id, knowledge.faq[i]!.id));
      }
    }
  }
  return problems;
}
