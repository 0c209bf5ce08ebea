import { defaultKnowledge, type Reply, type ReplyAction } from '../../widget/core';
import { createReplyBuilder } from '../../widget/core/conversation/replies';
import type { WidgetStrings } from '../../widget/ui/types';

/** The replies of the shipped knowledge, for its default country (US). */
export const replies = createReplyBuilder(defaultKnowledge);

/** The labels of the shipped knowledge, as the embed hands them to the UI. */
export const strings: WidgetStrings = { ...defaultKnowledge.ui, disclaimer: replies.disclaimer() };

/** What the "Need help now?" control shows before any crisis reply. */
export const help: Reply = replies.help();

export const reply = (overrides: Partial<Reply> = {}): Reply => ({
  route: 'answer',
  entryId: null,
  options: [],
  text: 'An answer.',
  actions: [],
  ...overrides,
});

export const book: ReplyAction = { type: 'book', label: 'Book a free consultation', href: 'https://example.com/book' };
export const contact: ReplyAction = { type: 'link', label: 'Contact the practice', href: 'mailto:hello@example.com' };
export const topic = (label: string, entryId = label.toLowerCase().replace(/\W+/g, '-')): ReplyAction => ({ type: 'topic', label, entryId });
export const crisisCalls: ReplyAction[] = [
  { type: 'call', label: 'Call 988 (Suicide & Crisis Lifeline)', href: 'tel:988' },
  { type: 'call', label: 'Text 988', href: 'sms:988' },
  { type: 'call', label: 'Call 911', href: 'tel:911' },
];

export const noop = () => {};

/** Stops happy-dom from following links the tests click (it would fetch them). Returns the undo. */
export function blockNavigation(): () => void {
  const block = (e: Event) => e.preventDefault();
  document.addEventListener('click', block, true);
  return () => document.removeEventListener('click', block, true);
}
