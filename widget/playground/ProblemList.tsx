import type { KnowledgeCheck } from './checkKnowledgeText';
import { viewOf } from './EditorTabs';
import { playgroundText as say, problemLine } from './playgroundText';

export interface ProblemListProps {
  check: KnowledgeCheck;
  /** An edit is waiting for its check (the list still shows the previous one). */
  pending: boolean;
  /** Moves the JSON editor's cursor to a JSON syntax error. */
  onShow(line: number, column: number): void;
  /** Shows the field a problem is about, in the form (or the JSON view for what the form does not edit). */
  onShowField(field: string): void;
}

/** The result of the latest check of the editor's text, announced politely to screen readers. */
export function ProblemList({ check, pending, onShow, onShowField }: ProblemListProps) {
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const warnings = check.problems.length - errors;
  const summary = errors > 0 ? say.errors(errors) : warnings > 0 ? say.onlyWarnings(warnings) : say.noProblems;
  return (
    <section class="pg-panel" aria-labelledby="pg-problems-title">
      <h2 id="pg-problems-title">{say.problemsHeading}</h2>
      <div
        role="status"
        aria-live="polite"
        class="pg-problems"
        data-testid="playground-problems"
        data-state={pending ? 'checking' : errors > 0 ? 'errors' : 'ok'}
      >
        <p class={errors > 0 ? 'pg-summary pg-bad' : 'pg-summary pg-good'}>{summary}</p>
        {check.problems.length > 0 && (
          <ul class="pg-list">
            {check.problems.map((problem, i) => (
              <li key={i} class={problem.severity === 'error' ? 'pg-error' : 'pg-warning'}>
                <span class="pg-severity">{problem.severity === 'error' ? say.error : say.warning}: </span>
                {problemLine(problem)}
                {problem.field !== undefined && viewOf(problem.field).view !== 'json' && (
                  <>
                    {' '}
                    <button type="button" class="pg-link" onClick={() => onShowField(problem.field!)}>
                      {say.showInForm}
                    </button>
                  </>
                )}
                {problem.line !== undefined && (
                  <>
                    {' '}
                    <button type="button" class="pg-link" onClick={() => onShow(problem.line ?? 1, problem.column ?? 1)}>
                      {say.showInEditor}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
