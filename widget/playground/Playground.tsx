import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { defaultKnowledge, type Knowledge } from '../core';
import { checkKnowledgeText, type KnowledgeCheck } from './checkKnowledgeText';
import { downloadText } from './downloadText';
import { KnowledgeEditor } from './KnowledgeEditor';
import { openKnowledgeFile } from './openKnowledgeFile';
import { PhrasingCheck } from './PhrasingCheck';
import { playgroundText as say } from './playgroundText';
import { ProblemList } from './ProblemList';
import { Tester } from './Tester';

/** How long typing must pause before the text is checked again. */
export const CHECK_DELAY_MS = 300;

const BUILT_IN_TEXT = JSON.stringify(defaultKnowledge, null, 2);

/**
 * The practitioner's playground: the knowledge as editable JSON on one side, checked as it is
 * typed, and a conversation with it on the other. It owns the text, the latest check and the
 * knowledge in use: the last one without errors.
 */
export interface PlaygroundProps {
  /** Called with every new valid knowledge, e.g. to swap it into the live widget on the page. */
  onKnowledge?: (knowledge: Knowledge) => void;
}

export function Playground({ onKnowledge }: PlaygroundProps = {}) {
  const [text, setText] = useState(BUILT_IN_TEXT);
  const [check, setCheck] = useState<KnowledgeCheck>(() => checkKnowledgeText(BUILT_IN_TEXT));
  const [knowledge, setKnowledge] = useState<Knowledge>(() => check.knowledge ?? defaultKnowledge);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Read by callbacks that must see the latest values, not those of the render they were made in.
  const latest = useRef({ text, knowledge, timer: undefined as ReturnType<typeof setTimeout> | undefined });

  useEffect(() => () => clearTimeout(latest.current.timer), []);

  /** Checks the text now; a valid result becomes the knowledge in use. Returns the knowledge in use. */
  const apply = useCallback((source: string): Knowledge => {
    const now = latest.current;
    clearTimeout(now.timer);
    now.timer = undefined;
    const result = checkKnowledgeText(source);
    setCheck(result);
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

  const showInEditor = (line: number, column: number) => {
    const area = textarea.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  const hasErrors = check.problems.some((p) => p.severity === 'error');
  return (
    <div class="pg-layout">
      <div class="pg-column">
        <KnowledgeEditor
          text={text}
          notice={notice}
          textareaRef={textarea}
          onEdit={edit}
          onLoadFile={loadFile}
          onReset={reset}
          onExport={exportJson}
        />
        <ProblemList check={check} pending={pending} onShow={showInEditor} />
        <PhrasingCheck knowledge={knowledge} hasErrors={hasErrors} currentKnowledge={currentKnowledge} />
      </div>
      <div class="pg-column pg-side">
        <Tester knowledge={knowledge} currentKnowledge={currentKnowledge} />
      </div>
    </div>
  );
}
