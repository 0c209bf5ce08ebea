import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { playgroundText as say } from './playgroundText';

export type View = 'entries' | 'practice' | 'safety' | 'json';

/** Which view shows a field, e.g. `faq[3].answer` → the entries, entry 3. */
export function viewOf(field: string): { view: View; entry?: number } {
  const entry = /^faq\[(\d+)\]/.exec(field);
  if (entry) return { view: 'entries', entry: Number(entry[1]) };
  if (/^(?:practice\b|messages\.(?:greeting|disclaimer)$|crisis\.defaultCountry$)/.test(field)) return { view: 'practice' };
  if (field.startsWith('safety.')) return { view: 'safety' };
  return { view: 'json' };
}

const VIEWS: ReadonlyArray<[View, string]> = [
  ['entries', say.entriesTab],
  ['practice', say.practiceTab],
  ['safety', say.safetyTab],
  ['json', say.jsonTab],
];

export interface EditorTabsProps {
  view: View;
  onView(view: View): void;
  /** The chosen view's content. */
  children: ComponentChildren;
}

/** The editor's views as tabs: arrow keys move between them, as screen-reader users expect. */
export function EditorTabs({ view, onView, children }: EditorTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex(([v]) => v === view);
    const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!by) return;
    event.preventDefault();
    const next = VIEWS[(index + by + VIEWS.length) % VIEWS.length]![0];
    onView(next);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#pg-tab-${next}`)?.focus());
  };
  return (
    <>
      <div role="tablist" aria-label={say.viewsLabel} class="pg-tabs" ref={list} onKeyDown={onKeyDown}>
        {VIEWS.map(([v, label]) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`pg-tab-${v}`}
            aria-selected={v === view}
            aria-controls="pg-view"
            tabIndex={v === view ? 0 : -1}
            class="pg-tab"
            onClick={() => onView(v)}
            data-testid={`playground-tab-${v}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="pg-view" aria-labelledby={`pg-tab-${view}`} class="pg-view">
        {children}
      </div>
    </>
  );
}
