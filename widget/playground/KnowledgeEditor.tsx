import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { playgroundText as say } from './playgroundText';

export interface KnowledgeEditorProps {
  text: string;
  /** What the last action did ("Loaded …", "Saved as …"); announced politely. */
  notice: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  onEdit(text: string): void;
  onLoadFile(file: File): void;
  onReset(): void;
  onExport(): void;
}

/** The knowledge as one JSON text, with loading, resetting and exporting. Props in, callbacks out. */
export function KnowledgeEditor({ text, notice, textareaRef, onEdit, onLoadFile, onReset, onExport }: KnowledgeEditorProps) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <section class="pg-panel pg-editor" aria-labelledby="pg-editor-title">
      <h2 id="pg-editor-title">{say.editorHeading}</h2>
      <label for="pg-knowledge" class="pg-label">
        {say.editorLabel}
      </label>
      <p id="pg-knowledge-help" class="pg-help">
        {say.editorHelp}
      </p>
      <textarea
        id="pg-knowledge"
        ref={textareaRef}
        class="pg-textarea"
        aria-describedby="pg-knowledge-help"
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        wrap="off"
        value={text}
        onInput={(e) => onEdit(e.currentTarget.value)}
        data-testid="playground-editor"
      />
      <div class="pg-toolbar">
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
        <button type="button" class="pg-button" onClick={onReset}>
          {say.reset}
        </button>
        <button type="button" class="pg-button pg-primary" onClick={onExport} data-testid="playground-export">
          {say.exportJson}
        </button>
      </div>
      <p id="pg-load-help" class="pg-help">
        {say.loadFileHelp}
      </p>
      <p role="status" class="pg-notice" data-testid="playground-notice">
        {notice}
      </p>
    </section>
  );
}
