import type { Reply, ReplyAction, UiStrings } from '../core';

/**
 * One line of the transcript. A visitor's words are plain text and are only ever rendered as text;
 * an assistant line is the core's reply, rendered from its safe rich text.
 */
export type TranscriptMessage =
  | {
      role: 'visitor';
      text: string;
      /** Set when the turn was a quick reply, so the turn can be replayed exactly. */
      action?: ReplyAction;
    }
  | { role: 'assistant'; reply: Reply };

/**
 * Every label the widget shows: the knowledge's `ui` strings (the subtitle with the practice's name
 * filled in), the disclaimer, and the practice's avatar.
 */
export interface WidgetStrings extends UiStrings {
  disclaimer: string;
  /** `practice.avatar`: a monogram or an image address; no avatar when absent. */
  avatar?: string;
}
