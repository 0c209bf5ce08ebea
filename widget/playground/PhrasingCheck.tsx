import { useEffect, useRef, useState } from 'preact/hooks';
import type { Knowledge } from '../core';
import { phrasingProblems } from '../core/knowledge/phrasingCheck';
import type { Problem } from '../core/knowledge/validateKnowledge';
import { playgroundText as say, problemLine } from './playgroundText';

export interface PhrasingCheckProps {
  /** The knowledge in use; a result for another one is marked out of date. */
  knowledge: Knowledge;
  /** The editor has errors: the check runs on the last knowledge that had none. */
  hasErrors: boolean;
  /** Applies an edit still waiting for its check and returns the knowledge to use now. */
  currentKnowledge(): Knowledge;
  /** Shows the phrasing's entry in the form. */
  onShowField(field: string): void;
}

interface Result {
  knowledge: Knowledge;
  problems: Problem[];
  total: number;
  usedLastValid: boolean;
}

const countPhrasings = (knowledge: Knowledge) => knowledge.faq.reduce((n, entry) => n + 1 + entry.alternates.length, 0);

/**
 * "Check every phrasing": asks every entry's question and alternates as a visitor would and lists
 * those that land elsewhere (another entry, a clarification, a fallback, a safety route).
 */
export function PhrasingCheck({ knowledge, hasErrors, currentKnowledge, onShowField }: PhrasingCheckProps) {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const run = () => {
    if (running) return;
    const source = currentKnowledge();
    const usedLastValid = hasErrors;
    setRunning(true);
    // The check takes about a second: let "Asking every phrasing…" reach the screen first.
    requestAnimationFrame(() => {
      timer.current = setTimeout(() => {
        setResult({ knowledge: source, problems: phrasingProblems(source), total: countPhrasings(source), usedLastValid });
        setRunning(false);
      }, 0);
    });
  };

  return (
    <section class="pg-panel" aria-labelledby="pg-check-title">
      <h2 id="pg-check-title">{say.checkHeading}</h2>
      <p class="pg-help">{say.checkHelp}</p>
      <button type="button" class="pg-button pg-primary" onClick={run} data-testid="playground-check">
        {say.checkButton}
      </button>
      <div id="pg-check-results" role="status" aria-live="polite" class="pg-results" data-testid="playground-check-results" aria-busy={running}>
        {running && <p>{say.checkRunning}</p>}
        {!running && result && (
          <>
            {result.usedLastValid && <p class="pg-note">{say.checkUsesLastValid}</p>}
            {result.knowledge !== knowledge && <p class="pg-note">{say.checkStale}</p>}
            {result.problems.length === 0 ? (
              <p class="pg-summary pg-good">{say.checkAllGood(result.total)}</p>
            ) : (
              <>
                <p class="pg-summary pg-bad">{say.checkFound(result.problems.length, result.total)}</p>
                <ul class="pg-list">
                  {result.problems.map((problem, i) => (
                    <li key={i} class="pg-warning">
                      {problemLine(problem)}{' '}
                      {result.knowledge === knowledge && (
                        <button type="button" class="pg-link" onClick={() => onShowField(problem.path)}>
                          {say.showInForm}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
