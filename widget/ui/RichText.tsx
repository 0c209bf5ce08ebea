import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { parseRichText, type Inline } from '../core';
import { linkAttributes } from './linkAttributes';

export interface RichTextProps {
  /** Safe rich text from the core (see `parseRichText`). Never treated as HTML. */
  text: string;
}

/** Paragraphs and lists of an assistant reply, built as elements from the parsed blocks. */
export function RichText({ text }: RichTextProps) {
  const blocks = useMemo(() => parseRichText(text), [text]);
  return (
    <>
      {blocks.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{inline(block.children)}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.text;
    if (node.type === 'strong') return <strong key={i}>{inline(node.children)}</strong>;
    if (node.type === 'em') return <em key={i}>{inline(node.children)}</em>;
    // The parser only makes links of safe hrefs; checking again costs nothing and guards stored data.
    const attributes = linkAttributes(node.href);
    return attributes ? (
      <a key={i} {...attributes}>
        {inline(node.children)}
      </a>
    ) : (
      inline(node.children)
    );
  });
}
