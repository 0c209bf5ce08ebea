/**
 * Ask the assistant from the command line.
 *
 *   npm run ask -- "is ketamine a cure?"          a readable reply
 *   npm run --silent ask -- --json < questions.txt  one JSON reply per line, each line a new conversation
 *   npm run --silent ask -- --json --session < turns.txt   the lines are turns of one conversation
 *   --knowledge DIR   use the knowledge in DIR instead of the bundled default
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createConversation, createEngine, defaultKnowledge, toPlainText, type Engine, type Reply } from '../widget/core/index';
import { loadKnowledgeOrExit } from './knowledgeFromArgs';

/** What the command line asks for: the words to ask, how to print, and the engine to ask. */
export function parseAskArgs(args: string[]): { words: string[]; json: boolean; session: boolean; engine: Engine } {
  const knowledgeIndex = args.indexOf('--knowledge');
  return {
    words: args.filter((a, i) => !a.startsWith('--') && (knowledgeIndex < 0 || i !== knowledgeIndex + 1)),
    json: args.includes('--json'),
    session: args.includes('--session'),
    engine: createEngine(knowledgeIndex >= 0 ? loadKnowledgeOrExit(args[knowledgeIndex + 1]) : defaultKnowledge),
  };
}

/** One reply as the line `--json` prints. */
export const toJson = (reply: Reply) =>
  JSON.stringify({ route: reply.route, kind: reply.kind, entryId: reply.entryId, options: reply.options, text: reply.text, actions: reply.actions, debug: reply.debug });

function readable(reply: Reply): string {
  const lines = [`[${reply.route}${reply.kind ? ' (' + reply.kind + ')' : ''}${reply.entryId ? ': ' + reply.entryId : ''}]`, toPlainText(reply.text)];
  for (const action of reply.actions) {
    lines.push(`  → ${action.label}${action.href ? ' <' + action.href + '>' : ''}${action.entryId ? ' (' + action.entryId + ')' : ''}`);
  }
  // How the reply was chosen: the rule or model reading behind a safety route, the confidence of an answer.
  const d = reply.debug;
  if (d) lines.push(`  (${d.trigger ? 'why: ' + d.trigger + '; ' : ''}confidence ${d.confidence.toFixed(2)}${d.runnerUp ? `, runner-up ${d.runnerUp} ${d.runnerUpConfidence.toFixed(2)}` : ''})`);
  return lines.join('\n');
}

function main(args: string[]): void {
  const { words, json, session, engine } = parseAskArgs(args);
  if (words.length > 0 && !json) {
    const chat = createConversation(engine);
    console.log(readable(chat.ask(words.join(' '))));
    return;
  }
  const shared = session ? createConversation(engine) : null;
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    const reply = (shared ?? createConversation(engine)).ask(line);
    console.log(json ? toJson(reply) : readable(reply) + '\n');
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '');
if (isMain) main(process.argv.slice(2));
