/**
 * The safe rich text of answers: a small Markdown subset parsed into data, never into HTML.
 * The widget renders these nodes as elements; the command line prints them as plain text.
 *
 * Supported: paragraphs (blank line), `- ` list items, `**strong**`, `*emphasis*`,
 * `[label](https://…)` links (only `https:`, `mailto:`, `tel:` and `sms:`; anything else stays text).
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; items: Inline[][] };

export const SAFE_LINK = /^(?:https:\/\/[^\s<>"']+|mailto:[^\s<>"']+|tel:[+\d][\d\s().-]*|sms:[+\d][\d\s().-]*)$/i;

/** True for the link targets answers may use. */
export function isSafeHref(href: string): boolean {
  return SAFE_LINK.test(href.trim());
}

export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    let paragraph: string[] = [];
    let items: Inline[][] = [];
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
      paragraph = [];
    };
    const flushList = () => {
      if (items.length) blocks.push({ type: 'list', items });
      items = [];
    };
    for (const line of lines) {
      const item = /^[-*•]\s+(.*)$/.exec(line);
      if (item) {
        flushParagraph();
        items.push(parseInline(item[1]!));
      } else {
        flushList();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}

const INLINE = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of source.matchAll(INLINE)) {
    if (m.index! > last) out.push({ type: 'text', text: source.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'strong', children: parseInline(m[1]) });
    else if (m[2] !== undefined) out.push({ type: 'em', children: parseInline(m[2]) });
    else if (isSafeHref(m[4]!)) out.push({ type: 'link', href: m[4]!.trim(), children: parseInline(m[3]!) });
    else out.push({ type: 'text', text: m[3]! });
    last = m.index! + m[0].length;
  }
  if (last < source.length) out.push({ type: 'text', text: source.slice(last) });
  return out;
}

/** The text without markup, for the command line, screen-reader summaries and length checks. */
export function toPlainText(source: string): string {
  return parseRichText(source)
    .map((block) => (block.type === 'paragraph' ? inlineText(block.children) : block.items.map((i) => '- ' + inlineText(i)).join('\n')))
    .join('\n\n');
}

function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : inlineText(n.children))).join('');
}
