/**
 * Checks the knowledge files before they ship: `npm run knowledge:check [folder] [--json]`.
 *
 * Prints every error and warning on one line with its file and place, then a summary. Exits 1 when
 * there is an error (the build must not ship that knowledge), 0 otherwise, warnings included.
 * With `--json`, prints `{ directory, ok, errors, warnings, problems }` instead, for other tools.
 */
import { resolve } from 'node:path';
import { loadKnowledgeDir } from './loadKnowledgeDir';
import { phrasingProblems } from '../widget/core/knowledge/phrasingCheck';
import { formatProblem, validateKnowledgeFiles, type Problem } from '../widget/core/knowledge/validateKnowledge';

const USAGE = 'Usage: npm run knowledge:check [folder] [--json]   (folder defaults to knowledge/)';

interface Report {
  directory: string;
  ok: boolean;
  errors: number;
  warnings: number;
  problems: Problem[];
}

function checkKnowledgeDir(directory: string): Report {
  const loaded = loadKnowledgeDir(directory);
  // With a file that could not be parsed, its sections are missing for reasons already reported.
  const result = validateKnowledgeFiles(loaded.files, { partial: loaded.problems.length > 0 });
  const problems = [...loaded.problems, ...result.problems];
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors === 0 && result.knowledge) {
    const faqFile = Object.keys(loaded.files).find((name) => {
      const content = loaded.files[name];
      return typeof content === 'object' && content !== null && 'faq' in content;
    });
    problems.push(...phrasingProblems(result.knowledge, faqFile === undefined ? {} : { file: faqFile }));
  }
  return { directory, ok: errors === 0, errors, warnings: problems.length - errors, problems };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function printReport(report: Report): void {
  const options = { directory: report.directory };
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  if (errors.length > 0) console.log(['Errors (the widget cannot use the knowledge until they are fixed):', ...errors.map((p) => '  ' + formatProblem(p, options))].join('\n'));
  if (warnings.length > 0) console.log(['Warnings (worth a look):', ...warnings.map((p) => '  ' + formatProblem(p, options))].join('\n'));
  console.log(`${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} in ${report.directory.replace(/\/*$/, '/')}`);
}

/**
 * Runs the check as the command line does: prints with `console.log`/`console.error` and returns the
 * exit status. Exported so that tests run it in process.
 */
export function knowledgeCheck(args: string[]): number {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length > 1 || rest.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return 2;
  }
  const report = checkKnowledgeDir(rest[0] ?? 'knowledge');
  if (json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
  return report.ok ? 0 : 1;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '');
if (isMain) {
  try {
    process.exitCode = knowledgeCheck(process.argv.slice(2));
  } catch (error) {
    // A bug in the checks, not in the knowledge: say so in one line rather than with a stack trace.
    console.error(`knowledge:check could not finish: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
