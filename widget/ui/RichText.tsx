import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { parseRichText, type Inline } from '../core';
import { linkAttributes } from './linkAttributes';
import { NewTabHint } from './NewTabHint';

export interface RichTextProps {
  /** Safe rich text from the core (see `parseRichText`). Never treated as HTML. */
  text: string;
  /** `ui.newTab`: said after a link that opens another site in a new tab. */
  newTab?: string;
}

/** Paragraphs and lists of an assistant reply, built as elements from the parsed blocks. */
export function RichText({ text, newTab }: RichTextProps) {
  const blocks = useMemo(() => parseRichText(text), [text]);
  return (
    <>
      {blocks.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{inline(block.children, newTab)}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item, newTab)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

function inline(nodes: Inline[], newTab?: string): ComponentChildren {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.text;
    if (node.type === 'strong') return <strong key={i}>{inline(node.children, newTab)}</strong>;
    if (node.type === 'em') return <em key={i}>{inline(node.children, newTab)}</em>;
    // The parser only makes links of safe hrefs; checking again costs nothing and guards stored data.
    const attributes = linkAttributes(node.href);
    return attributes ? (
      <a key={i} {...attributes}>
        {inline(node.children, newTab)}
        {attributes.target && <NewTabHint label={newTab} />}
      </a>
    ) : (
      inline(node.children, newTab)
    );
  });
}
