import { defaultKnowledge, type Knowledge } from '../../core';
import { SAFETY_WORD_LISTS, safetyWords, type SafetyWordList } from '../../core/knowledge/safetyWords';
import type { EditorProblem } from '../checkKnowledgeText';
import { setIn, type Doc } from '../editKnowledge';
import { playgroundText as say } from '../playgroundText';
import { FieldProblems, LinesField, problemsAt } from './fields';

export interface SafetyFormProps {
  doc: Doc;
  problems: readonly EditorProblem[];
  onChange(doc: Doc): void;
  onNotice(notice: string): void;
  base?: Knowledge;
}

/**
 * The safety words, apart from everything else: the built-in ones shown but not editable, and a
 * box for the words the practice adds. Whatever is typed, the list saved is the built-in words
 * followed by the added ones, so nothing here can remove a built-in word.
 */
export function SafetyForm({ doc, problems, onChange, onNotice, base = defaultKnowledge }: SafetyFormProps) {
  const missing = SAFETY_WORD_LISTS.some((entry) => {
    const present = new Set(safetyWords(doc, entry));
    return safetyWords(base, entry).some((w) => !present.has(w));
  });
  const putBack = () => {
    let next = doc;
    for (const entry of SAFETY_WORD_LISTS) {
      const builtIn = safetyWords(base, entry);
      const added = safetyWords(doc, entry).filter((w) => !builtIn.includes(w));
      next = setIn(next, ['safety', entry.group, entry.list], [...builtIn, ...added]);
    }
    onChange(next);
    onNotice(say.putBackDone);
  };
  return (
    <div class="pg-safety">
      {say.safetyIntro.map((paragraph, i) => (
        <p key={i} class="pg-explain">
          {paragraph}
        </p>
      ))}
      {missing && (
        <div class="pg-note">
          <FieldProblems id="pg-safety-problems" problems={SAFETY_WORD_LISTS.flatMap((entry) => problemsAt(problems, `safety.${entry.group}.${entry.list}`, true))} />
          <button type="button" class="pg-button" onClick={putBack}>
            {say.putBack}
          </button>
        </div>
      )}
      {SAFETY_WORD_LISTS.map((entry) => (
        <WordList key={`${entry.group}.${entry.list}`} entry={entry} doc={doc} base={base} problems={problems} onChange={onChange} />
      ))}
    </div>
  );
}

function WordList({ entry, doc, base, problems, onChange }: { entry: SafetyWordList; doc: Doc; base: Knowledge; problems: readonly EditorProblem[]; onChange(doc: Doc): void }) {
  const key = `${entry.group}.${entry.list}`;
  const [name, meaning] = say.safetyLists[key] ?? [key, ''];
  const builtIn = safetyWords(base, entry);
  const added = safetyWords(doc, entry).filter((w) => !builtIn.includes(w));
  const id = `pg-safety-${entry.group}-${entry.list}`;
  return (
    <section class="pg-word-list" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{name}</h3>
      <p class="pg-help">{meaning}</p>
      <details class="pg-builtin">
        <summary>{say.builtInWords(builtIn.length)}</summary>
        <p>{builtIn.join(', ')}</p>
      </details>
      <LinesField
        id={id}
        label={say.addedWords(name)}
        field={`safety.${key}`}
        problems={problemsAt(problems, `safety.${key}`).filter((p) => p.field !== `safety.${key}`)}
        lines={added}
        rows={3}
        onChange={(words) => onChange(setIn(doc, ['safety', entry.group, entry.list], [...builtIn, ...words.filter((w) => !builtIn.includes(w))]))}
      />
    </section>
  );
}
