import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultKnowledge, type Knowledge } from '../core';
import { mergeKnowledge } from '../core/knowledge/mergeKnowledge';
import { parseKnowledgeJson } from '../core/knowledge/parseKnowledgeJson';
import { checkKnowledgeText, type KnowledgeCheck } from './checkKnowledgeText';
import { downloadText } from './downloadText';
import type { Doc } from './editKnowledge';
import { EditorTabs, viewOf, type View } from './EditorTabs';
import { EntriesView } from './form/EntriesView';
import { PracticeForm } from './form/PracticeForm';
import { SafetyForm } from './form/SafetyForm';
import { KnowledgeEditor } from './KnowledgeEditor';
import { openKnowledgeFile } from './openKnowledgeFile';
import { PhrasingCheck } from './PhrasingCheck';
import { playgroundText as say } from './playgroundText';
import { ProblemList } from './ProblemList';
import { PublishPanel, summaryText } from './PublishPanel';
import { Tester } from './Tester';

/** How long typing must pause before the knowledge is checked again. */
export const CHECK_DELAY_MS = 300;

const BUILT_IN_TEXT = JSON.stringify(defaultKnowledge, null, 2);

/** The document the form shows for a text: a partial one merged over the defaults; null when the text is not JSON. */
function docOf(text: string): Doc | null {
  const parsed = parseKnowledgeJson(text);
  if ('problem' in parsed) return null;
  const merged = mergeKnowledge(defaultKnowledge, parsed.value);
  return typeof merged === 'object' && merged !== null && !Array.isArray(merged) ? (merged as Doc) : null;
}

export interface PlaygroundProps {
  /** Called with every new valid knowledge, e.g. to swap it into the live widget on the page. */
  onKnowledge?: (knowledge: Knowledge) => void;
}

/**
 * The practitioner's playground: the knowledge in a form (entries, practice settings, safety
 * words) or as JSON, checked as it is typed, a conversation with it beside it, and the exports.
 * It owns the text (the one source of truth: the form's edits are written into it), the latest
 * check and the knowledge in use: the last one without errors.
 */
export function Playground({ onKnowledge }: PlaygroundProps = {}) {
  const [text, setText] = useState(BUILT_IN_TEXT);
  const [check, setCheck] = useState<KnowledgeCheck>(() => checkKnowledgeText(BUILT_IN_TEXT));
  const [knowledge, setKnowledge] = useState<Knowledge>(() => check.knowledge ?? defaultKnowledge);
  const [pending, setPending] = useState(false);
  /** The text of the latest check: "what changed" follows it, not every keystroke. */
  const [checkedText, setCheckedText] = useState(BUILT_IN_TEXT);
  const [notice, setNotice] = useState('');
  const [view, setView] = useState<View>('entries');
  const [entry, setEntry] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Read by callbacks that must see the latest values, not those of the render they were made in.
  const latest = useRef({ text, knowledge, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  /** The document a form edit produced, so its text is not parsed straight back. */
  const fromForm = useRef<{ text: string; doc: Doc } | null>(null);
  /** Where to put the focus once the view that holds it is on screen. */
  const focusNext = useRef<{ field: string } | { line: number; column: number } | null>(null);
  // A render after each request, even when the view does not change, so the focus moves.
  const [, setFocusRequests] = useState(0);

  useEffect(() => () => clearTimeout(latest.current.timer), []);

  const doc = useMemo(() => (fromForm.current?.text === text ? fromForm.current.doc : docOf(text)), [text]);
  const checkedDoc = useMemo(() => (checkedText === text ? doc : docOf(checkedText)), [checkedText]);

  /** Checks the text now; a valid result becomes the knowledge in use. Returns the knowledge in use. */
  const apply = useCallback((source: string): Knowledge => {
    const now = latest.current;
    clearTimeout(now.timer);
    now.timer = undefined;
    const result = checkKnowledgeText(source);
    setCheck(result);
    setCheckedText(source);
    setPending(false);
    // An edit that changes nothing (spaces, an undone change) keeps the same knowledge, so the
    // tester does not start a new conversation for it.
    if (result.knowledge && JSON.stringify(result.knowledge) !== JSON.stringify(now.knowledge)) {
      now.knowledge = result.knowledge;
      setKnowledge(result.knowledge);
      onKnowledge?.(result.knowledge);
    }
    return now.knowledge;
  }, [onKnowledge]);

  const edit = useCallback(
    (next: string, immediately = false) => {
      const now = latest.current;
      now.text = next;
      setText(next);
      if (immediately) return void apply(next);
      clearTimeout(now.timer);
      setPending(true);
      now.timer = setTimeout(() => apply(latest.current.text), CHECK_DELAY_MS);
    },
    [apply],
  );

  const editDoc = useCallback(
    (next: Doc) => {
      const nextText = JSON.stringify(next, null, 2);
      fromForm.current = { text: nextText, doc: next };
      edit(nextText);
    },
    [edit],
  );

  /** The knowledge to answer from now: an edit still waiting for its check is checked first. */
  const currentKnowledge = useCallback(() => (latest.current.timer === undefined ? latest.current.knowledge : apply(latest.current.text)), [apply]);

  const loadFile = (file: File) => {
    file.text().then(
      (raw) => {
        const opened = openKnowledgeFile(file.name, raw);
        edit(opened.text, true);
        setNotice(opened.notice);
      },
      () => setNotice(say.loadFailed(file.name)),
    );
  };

  const reset = () => {
    if (latest.current.text !== BUILT_IN_TEXT && !window.confirm(say.resetConfirm)) return;
    edit(BUILT_IN_TEXT, true);
    setNotice(say.resetDone);
  };

  const exportJson = () => {
    const hasErrors = checkKnowledgeText(latest.current.text).problems.some((p) => p.severity === 'error');
    downloadText('knowledge.json', latest.current.text);
    setNotice(hasErrors ? say.exportedWithErrors : say.exported);
  };

  const exportSummary = (lines: string[]) => {
    downloadText('what-changed.txt', summaryText(lines), 'text/plain');
    setNotice(say.summarySaved);
  };

  const selectEntry = (index: number, message?: string) => {
    setEntry(index);
    if (message) setNotice(message);
  };

  const showInEditor = (line: number, column: number) => {
    focusNext.current = { line, column };
    setView('json');
    setFocusRequests((n) => n + 1);
  };

  const showInForm = (field: string) => {
    const target = viewOf(field);
    focusNext.current = { field };
    if (target.entry !== undefined) setEntry(target.entry);
    setView(target.view);
    setFocusRequests((n) => n + 1);
  };

  // Once the view is on screen: the caret at a JSON syntax error, or the focus on a field.
  useLayoutEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    if ('line' in next) {
      const area = textarea.current;
      if (!area) return;
      const lines = area.value.split('\n');
      const offset = lines.slice(0, next.line - 1).reduce((n, l) => n + l.length + 1, 0) + next.column - 1;
      area.focus();
      area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
      const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
      area.scrollTop = Math.max(0, (next.line - 4) * lineHeight);
      return;
    }
    // The field itself, or the nearest field that holds it (`faq[3].alternates[2]` → the alternates box).
    for (let field = next.field; field; field = field.replace(/(?:\.[^.[\]]+|\[[^\]]+\])$/, '')) {
      const element = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
      if (element) return void element.focus();
      if (!/[.[]/.test(field)) break;
    }
  });

  const hasErrors = check.problems.some((p) => p.severity === 'error');
  const formProblems = check.problems;
  return (
    <div class="pg-layout">
      <div class="pg-column">
        <section class="pg-panel pg-editor-panel" aria-labelledby="pg-editor-title">
          <h2 id="pg-editor-title">{say.editHeading}</h2>
          <div class="pg-toolbar">
            <LoadButton onLoadFile={loadFile} />
            <button type="button" class="pg-button" onClick={reset}>
              {say.reset}
            </button>
          </div>
          <p id="pg-load-help" class="pg-help">
            {say.loadFileHelp}
          </p>
          <p role="status" class="pg-notice" data-testid="playground-notice">
            {notice}
          </p>
          <EditorTabs view={view} onView={setView}>
            {view === 'json' ? (
              <KnowledgeEditor text={text} textareaRef={textarea} onEdit={edit} />
            ) : !doc ? (
              <p class="pg-note" data-testid="playground-form-unavailable">
                {say.formUnavailable}
              </p>
            ) : view === 'entries' ? (
              <EntriesView doc={doc} problems={formProblems} selected={entry} onChange={editDoc} onSelect={selectEntry} />
            ) : view === 'practice' ? (
              <PracticeForm doc={doc} problems={formProblems} onChange={editDoc} />
            ) : (
              <SafetyForm doc={doc} problems={formProblems} onChange={editDoc} onNotice={setNotice} />
            )}
          </EditorTabs>
        </section>
        <ProblemList check={check} pending={pending} onShow={showInEditor} onShowField={showInForm} />
        <PhrasingCheck knowledge={knowledge} hasErrors={hasErrors} currentKnowledge={currentKnowledge} onShowField={showInForm} />
        <PublishPanel doc={checkedDoc} onExport={exportJson} onExportSummary={exportSummary} />
      </div>
      <div class="pg-column pg-side">
        <Tester knowledge={knowledge} currentKnowledge={currentKnowledge} />
      </div>
    </div>
  );
}

function LoadButton({ onLoadFile }: { onLoadFile(file: File): void }) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="pg-button" onClick={() => file.current?.click()} aria-describedby="pg-load-help">
        {say.loadFile}
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          // Cleared so that loading the same file again still fires a change.
          e.currentTarget.value = '';
          if (chosen) onLoadFile(chosen);
        }}
        data-testid="playground-file"
      />
    </>
  );
}
