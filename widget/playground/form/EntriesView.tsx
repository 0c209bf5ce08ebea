import type { EditorProblem } from '../checkKnowledgeText';
import { addEntry, entriesOf, type Doc } from '../editKnowledge';
import { playgroundText as say } from '../playgroundText';
import { EntryForm } from './EntryForm';
import { problemsAt } from './fields';

export interface EntriesViewProps {
  doc: Doc;
  problems: readonly EditorProblem[];
  selected: number;
  onChange(doc: Doc): void;
  onSelect(index: number, notice?: string): void;
}

/** The entries listed by their question, the chosen one's form beside them, and "Add an entry". */
export function EntriesView({ doc, problems, selected, onChange, onSelect }: EntriesViewProps) {
  const entries = entriesOf(doc);
  const current = Math.min(selected, entries.length - 1);
  const add = () => {
    const added = addEntry(doc);
    onChange(added.doc);
    onSelect(added.index, say.entryAdded);
  };
  return (
    <div class="pg-entries">
      <p class="pg-help">{say.entriesHelp}</p>
      <div class="pg-entries-layout">
        <nav aria-label={say.entryListLabel} class="pg-entry-nav">
          <ol class="pg-entry-list" data-testid="playground-entry-list">
            {entries.map((entry, i) => {
              const own = problemsAt(problems, `faq[${i}]`);
              const errors = own.filter((p) => p.severity === 'error').length;
              const note = say.entryProblems(errors, own.length - errors);
              return (
                <li key={i}>
                  <button type="button" class="pg-entry-button" aria-current={i === current ? 'true' : undefined} onClick={() => onSelect(i)}>
                    <span>{typeof entry.question === 'string' && entry.question.trim() ? entry.question : say.noQuestionYet}</span>
                    {note && <span class={errors > 0 ? 'pg-badge pg-bad' : 'pg-badge'}> ({note})</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" class="pg-button pg-primary" onClick={add} data-testid="playground-add-entry">
            {say.addEntry}
          </button>
        </nav>
        {current >= 0 && <EntryForm key={current} doc={doc} index={current} problems={problems} onChange={onChange} onSelect={onSelect} />}
      </div>
    </div>
  );
}
