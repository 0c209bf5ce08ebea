import type { Knowledge } from '../widget/core/index';
import { formatProblem, validateKnowledgeFiles } from '../widget/core/knowledge/validateKnowledge';
import { loadKnowledgeDir } from './loadKnowledgeDir';

/**
 * Loads and validates a knowledge directory for a command-line script (`--knowledge DIR`), or
 * prints its errors, one a line with file and path, and exits with status 1.
 */
export function loadKnowledgeOrExit(dir: string | undefined): Knowledge {
  if (!dir) {
    console.error('--knowledge needs a directory, e.g. --knowledge knowledge/');
    process.exit(2);
  }
  const { files, problems } = loadKnowledgeDir(dir);
  const result = validateKnowledgeFiles(files, { partial: problems.length > 0 });
  const errors = [...problems, ...result.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0 || !result.knowledge) {
    for (const p of errors) console.error(formatProblem(p, { directory: dir }));
    console.error(`${errors.length} error(s) in ${dir}: fix them, or run \`npm run knowledge:check ${dir}\` for details.`);
    process.exit(1);
  }
  return result.knowledge;
}
