import type { Reply } from '../core';
import { routeMeaning } from './playgroundText';

export interface DebugLineProps {
  reply: Reply;
}

const score = (n: number) => n.toFixed(2);

/**
 * How the assistant chose a reply: the route, the matched entry, how confident the match was, the
 * entry that came second, and what triggered a safety or intent route. Never shown to visitors.
 */
export function DebugLine({ reply }: DebugLineProps) {
  const { route, entryId, options, debug } = reply;
  return (
    <p class="pg-debug" data-testid="playground-debug">
      <span>
        Route: <b>{route}</b> ({routeMeaning[route]})
      </span>
      <span>
        Matched entry: <b>{entryId ?? 'none'}</b>
      </span>
      {route === 'clarify' && options.length > 0 && (
        <span>
          Options offered: <b>{options.join(', ')}</b>
        </span>
      )}
      {debug && (
        <span>
          Confidence: <b>{score(debug.confidence)}</b>
        </span>
      )}
      {debug && (
        <span>
          Runner-up: <b>{debug.runnerUp ?? 'none'}</b>
          {debug.runnerUp && ` (${score(debug.runnerUpConfidence)})`}
        </span>
      )}
      {debug?.trigger && (
        <span>
          Triggered by: <b>{debug.trigger}</b>
        </span>
      )}
    </p>
  );
}
