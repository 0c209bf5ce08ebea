import type { Ref } from 'preact';
import { playgroundText as say } from './playgroundText';

export interface KnowledgeEditorProps {
  text: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  onEdit(text: string): void;
}

/** "Advanced: JSON": the knowledge as one JSON text. Props in, callbacks out. */
export function KnowledgeEditor({ text, textareaRef, onEdit }: KnowledgeEditorProps) {
  return (
    <div class="pg-editor">
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
        value={text}
        onInput={(e) => onEdit(e.currentTarget.value)}
        data-testid="playground-editor"
      />
    </div>
  );
}
