/**
 * The command-line tools, run in the test's own process: what they print and the status they
 * exit with, as a shell would see them, without starting Node and tsx again for every call.
 */
import { format } from 'node:util';
import { vi } from 'vitest';
import { createConversation } from '../../widget/core/index';
import { parseAskArgs, toJson } from '../../scripts/ask';
import { knowledgeCheck } from '../../scripts/knowledge-check';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `console.log` and `console.error` captured. */
function captured(command: () => number): Run {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => void stdout.push(format(...args) + '\n'));
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => void stderr.push(format(...args) + '\n'));
  try {
    const status = command();
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** `npm run knowledge:check -- ...args` */
export const knowledgeCheckRun = (...args: string[]): Run => captured(() => knowledgeCheck(args));

/** `echo question | npm run --silent ask -- --json ...args`: the one reply, parsed. */
export function askJson(question: string, ...args: string[]): Record<string, any> {
  const { engine } = parseAskArgs(['--json', ...args]);
  return JSON.parse(toJson(createConversation(engine).ask(question)));
}
