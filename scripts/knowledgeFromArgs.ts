import type { Knowledge } from '../widget/core/index';

/**
 * Loads and validates a knowledge directory for a command-line script, or prints the problems
 * and exits. Filled in by the knowledge checker (scripts/loadKnowledgeDir.ts).
 */
export function loadKnowledgeOrExit(dir: string | undefined): Knowledge {
  console.error(`--knowledge ${dir ?? ''}: loading another knowledge directory is not available yet.`);
  process.exit(2);
}
