import { REQUIRED_ENTRY_IDS } from '../../core/knowledge/validateKnowledge';
import type { EditorProblem } from '../checkKnowledgeText';
import { entriesOf, moveEntry, removeEntry, renameEntry, setIn, setQuestion, type Doc } from '../editKnowledge';
import { playgroundText as say } from '../playgroundText';
import { AnswerPreview } from './AnswerPreview';
import { FieldProblems, LinesField, problemsAt, TextArea, TextField } from './fields';

export interface EntryFormProps {
  doc: Doc;
  index: number;
  problems: readonly EditorProblem[];
  onChange(doc: Doc): void;
  /** After a move or a removal: the entry to show next, and what to announce. */
  onSelect(index: number, notice?: string): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** One entry: question, answer with its preview, the other ways of asking, follow-ups, id. */
export function EntryForm({ doc, index, problems, onChange, onSelect }: EntryFormProps) {
  const entries = entriesOf(doc);
  const entry = entries[index];
  if (!entry) return null;
  const at = `faq[${index}]`;
  const field = (name: string) => `${at}.${name}`;
  const set = (name: string, value: unknown) => onChange(setIn(doc, ['faq', index, name], value));
  const id = text(entry.id);
  const required = REQUIRED_ENTRY_IDS.includes(id);
  const others = entries.map((e, i) => ({ id: text(e.id), question: text(e.question) || say.noQuestionYet, i })).filter((e) => e.i !== index && e.id);
  const followUps = list(entry.followUps);
  const question = text(entry.question) || say.noQuestionYet;

  const move = (by: -1 | 1) => {
    onChange(moveEntry(doc, index, by));
    onSelect(index + by);
  };

  const toggleFollowUp = (other: string, on: boolean) => {
    const chosen = on ? [...followUps, other] : followUps.filter((f) => f !== other);
    // Kept in the order of the entries, whatever the order of the clicks.
    const ordered = others.map((o) => o.id).filter((o) => chosen.includes(o));
    set('followUps', ordered.length > 0 || entry.followUps !== undefined ? ordered : undefined);
  };

  return (
    <div class="pg-entry" data-testid="playground-entry">
      <h3 class="pg-entry-title">{say.editingEntry(question)}</h3>
      <FieldProblems id="pg-entry-problems" problems={problemsAt(problems, at, true)} />
      <TextField id="pg-entry-question" label={say.question} help={say.questionHelp} field={field('question')} problems={problems} value={text(entry.question)} onInput={(v) => onChange(setQuestion(doc, index, v))} />
      <TextArea id="pg-entry-answer" label={say.answer} help={say.answerHelp} field={field('answer')} problems={problems} value={text(entry.answer)} rows={9} onInput={(v) => set('answer', v)} />
      <AnswerPreview answer={text(entry.answer)} />
      <LinesField id="pg-entry-alternates" label={say.alternates} help={say.alternatesHelp} field={field('alternates')} problems={problems} lines={list(entry.alternates)} onChange={(v) => set('alternates', v)} />
      <TextField id="pg-entry-label" label={say.label} help={say.labelHelp} field={field('label')} problems={problems} value={text(entry.label)} onInput={(v) => set('label', v)} />
      <LinesField
        id="pg-entry-keywords"
        label={say.keywords}
        help={say.keywordsHelp}
        field={field('keywords')}
        problems={problems}
        lines={list(entry.keywords)}
        rows={4}
        onChange={(v) => set('keywords', v.length > 0 ? v : undefined)}
      />
      <fieldset class="pg-field pg-choices" aria-describedby="pg-entry-followups-help">
        <legend class="pg-label">{say.followUps}</legend>
        <p id="pg-entry-followups-help" class="pg-help">
          {say.followUpsHelp}
        </p>
        {others.map((other) => (
          <label key={other.id} class="pg-check">
            <input type="checkbox" checked={followUps.includes(other.id)} onChange={(e) => toggleFollowUp(other.id, e.currentTarget.checked)} />
            {other.question}
          </label>
        ))}
        <FieldProblems id="pg-entry-followups-problems" problems={problemsAt(problems, field('followUps'))} />
      </fieldset>
      <div class="pg-field">
        <label for="pg-entry-next" class="pg-label">
          {say.next}
        </label>
        <p id="pg-entry-next-help" class="pg-help">
          {say.nextHelp}
        </p>
        <select id="pg-entry-next" class="pg-input" aria-describedby="pg-entry-next-help" value={text(entry.next)} data-field={field('next')} onChange={(e) => set('next', e.currentTarget.value || undefined)}>
          <option value="">{say.noNext}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.question}
            </option>
          ))}
        </select>
        <FieldProblems id="pg-entry-next-problems" problems={problemsAt(problems, field('next'))} />
      </div>
      <TextField
        id="pg-entry-id"
        label={say.id}
        help={required ? say.idRequired : say.idHelp}
        field={field('id')}
        problems={problems}
        value={id}
        readOnly={required}
        onInput={(v) => onChange(renameEntry(doc, index, v))}
      />
      <div class="pg-toolbar">
        <button type="button" class="pg-button" disabled={index === 0} onClick={() => move(-1)}>
          {say.moveUp}
        </button>
        <button type="button" class="pg-button" disabled={index === entries.length - 1} onClick={() => move(1)}>
          {say.moveDown}
        </button>
        <button
          type="button"
          class="pg-button pg-danger"
          disabled={required}
          aria-describedby={required ? 'pg-entry-id-help' : undefined}
          onClick={() => {
            if (!window.confirm(say.removeConfirm(question))) return;
            onChange(removeEntry(doc, index));
            onSelect(Math.max(0, Math.min(index, entries.length - 2)), say.entryRemoved(question));
          }}
          data-testid="playground-remove-entry"
        >
          {say.removeEntry}
        </button>
      </div>
    </div>
  );
}

