/** The pure core: knowledge, text, safety, matching and conversation. No Preact, no DOM. */
export * from './types';
export { createConversation, createEngine, type Conversation, type Engine } from './conversation/conversation';
export type { ConversationStatus } from './conversation/machine';
export { parseRichText, toPlainText, isSafeHref, type Block, type Inline } from './text/richText';
export { defaultKnowledge } from './knowledge/defaultKnowledge';
export { textDirection } from './text/direction';
