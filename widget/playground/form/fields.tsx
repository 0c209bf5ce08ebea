import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { emptyText } from '../../core/knowledge/errorMessages';
import type { EditorProblem } from '../checkKnowledgeText';
import { linesToList } from '../editKnowledge';
import { playgroundText as say } from '../playgroundText';

/** The problems of one field: those at `field` itself, or inside it (a list's items). */
export function problemsAt(problems: readonly EditorProblem[], field: string, exact = false): EditorProblem[] {
  return problems.filter((p) => p.field !== undefined && (p.field === field || (!exact && (p.field.startsWith(field + '[') || p.field.startsWith(field + '.')))));
}

const EMPTY = emptyText();

/** The problems of a field, under it: what is wrong and what to do, in the form's terms. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly EditorProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} class="pg-field-problems" data-testid="playground-field-problems">
      {problems.map((p, i) => (
        <li key={i} class={p.severity === 'error' ? 'pg-error' : 'pg-warning'}>
          <span class="pg-severity">{p.severity === 'error' ? say.error : say.warning}: </span>
          {p.message}. {p.message === EMPTY.message ? say.fillIn : p.fix}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  /** The element id, also used for the label's `for`. */
  id: string;
  label: string;
  help?: ComponentChildren;
  /** The field's path in the knowledge, e.g. `faq[3].answer`: its problems are shown under it. */
  field: string;
  problems: readonly EditorProblem[];
  /** Only the problems at the field itself, not at its items. */
  exact?: boolean;
}

function describedBy(id: string, help: unknown, problems: readonly EditorProblem[]): string | undefined {
  return [help ? `${id}-help` : '', problems.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, help, children, problems }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class="pg-field">
      <label for={id} class="pg-label">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} class="pg-help">
          {help}
        </p>
      )}
      {children}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** One line of text. */
export function TextField(props: FieldProps & { value: string; onInput(value: string): void; readOnly?: boolean; type?: string }) {
  const problems = problemsAt(props.problems, props.field, props.exact);
  return (
    <Frame {...props} problems={problems}>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        class="pg-input"
        value={props.value}
        readOnly={props.readOnly}
        aria-invalid={problems.some((p) => p.severity === 'error') || undefined}
        aria-describedby={describedBy(props.id, props.help, problems)}
        data-field={props.field}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </Frame>
  );
}

/** Text over several lines, wrapped. */
export function TextArea(props: FieldProps & { value: string; onInput(value: string): void; rows?: number }) {
  const problems = problemsAt(props.problems, props.field, props.exact);
  return (
    <Frame {...props} problems={problems}>
      <textarea
        id={props.id}
        class="pg-input pg-area"
        rows={props.rows ?? 4}
        value={props.value}
        aria-invalid={problems.some((p) => p.severity === 'error') || undefined}
        aria-describedby={describedBy(props.id, props.help, problems)}
        data-field={props.field}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </Frame>
  );
}

/**
 * A list edited as lines of text, one item a line. The box keeps what is typed (a new empty line
 * included) and reports the list without blank lines; it takes the list again when it changes
 * from elsewhere (a loaded file, the JSON view).
 */
export function LinesField(props: FieldProps & { lines: readonly string[]; onChange(lines: string[]): void; rows?: number }) {
  const { lines } = props;
  const [text, setText] = useState(() => lines.join('\n'));
  useEffect(() => {
    if (JSON.stringify(linesToList(text)) !== JSON.stringify(lines)) setText(lines.join('\n'));
    // Only a change of the list from elsewhere resyncs the box; typing is the box's own business.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lines]);
  const problems = problemsAt(props.problems, props.field, props.exact);
  return (
    <Frame {...props} problems={problems}>
      <textarea
        id={props.id}
        class="pg-input pg-area"
        rows={props.rows ?? Math.min(12, Math.max(3, lines.length + 1))}
        value={text}
        aria-invalid={problems.some((p) => p.severity === 'error') || undefined}
        aria-describedby={describedBy(props.id, props.help, problems)}
        data-field={props.field}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          props.onChange(linesToList(next));
        }}
      />
    </Frame>
  );
}
