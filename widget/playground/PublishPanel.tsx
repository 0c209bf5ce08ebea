import { useMemo } from 'preact/hooks';
import { defaultKnowledge } from '../core';
import { describeChanges } from '../core/knowledge/describeChanges';
import { playgroundText as say } from './playgroundText';

export interface PublishPanelProps {
  /** The document being edited, or null while the JSON text has a mistake. */
  doc: Record<string, unknown> | null;
  onExport(): void;
  onExportSummary(lines: string[]): void;
}

/** "What changed" against the built-in knowledge, and the exports: the file to publish and the summary. */
export function PublishPanel({ doc, onExport, onExportSummary }: PublishPanelProps) {
  const changes = useMemo(() => (doc ? describeChanges(defaultKnowledge, doc) : null), [doc]);
  return (
    <section class="pg-panel" aria-labelledby="pg-publish-title">
      <h2 id="pg-publish-title">{say.publishHeading}</h2>
      <p class="pg-help">{say.publishHelp}</p>
      <h3 class="pg-subheading">{say.changesHeading}</h3>
      <div data-testid="playground-changes">
        {changes === null ? (
          <p class="pg-note">{say.changesUnavailable}</p>
        ) : changes.length === 0 ? (
          <p>{say.noChanges}</p>
        ) : (
          <ul class="pg-changes">
            {changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <div class="pg-toolbar">
        <button type="button" class="pg-button pg-primary" onClick={onExport} data-testid="playground-export">
          {say.exportJson}
        </button>
        <button type="button" class="pg-button" disabled={!changes} onClick={() => changes && onExportSummary(changes)} data-testid="playground-export-summary">
          {say.exportSummary}
        </button>
      </div>
    </section>
  );
}

/** The summary as a text file: a title, then one change a line. */
export function summaryText(lines: readonly string[]): string {
  return [say.summaryTitle, '', ...(lines.length > 0 ? lines.map((l) => `- ${l}`) : [say.noChanges]), ''].join('\n');
}
