import { CRISIS_KINDS, ROUTES, type ActionType, type CrisisKind, type Reply, type ReplyAction } from '../core/types';
import type { TranscriptMessage } from '../ui/types';

/**
 * The one sessionStorage key the widget owns. Session storage, because the transcript should follow
 * the visitor from page to page in one tab and be gone when the tab closes; no cookies, no localStorage.
 * Bump the version when the stored shape changes: old data is then discarded, never misread.
 */
export const STORAGE_KEY = 'kapchat:v1';

/** Most messages kept; older ones are dropped. */
export const MAX_STORED_MESSAGES = 100;

export interface SavedSession {
  open: boolean;
  messages: TranscriptMessage[];
  /** A question typed and not sent yet. */
  draft?: string;
}

/** sessionStorage, or null where it is unavailable (blocked cookies, sandboxed frames). */
export function sessionStorageOrNull(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

/** The saved session, or null when there is none or it is unreadable (then it is removed). */
export function loadSession(storage: Storage | null): SavedSession | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
    if (raw === null) return null;
    const data: unknown = JSON.parse(raw);
    if (isRecord(data) && data.v === 1 && typeof data.open === 'boolean' && Array.isArray(data.messages)) {
      const messages = data.messages.map(toMessage);
      const draft = typeof data.draft === 'string' ? { draft: data.draft } : {};
      if (messages.length > 0 && messages.every((m): m is TranscriptMessage => m !== null)) return { open: data.open, messages, ...draft };
    }
  } catch {
    // Unreadable: fall through and discard it.
  }
  if (raw !== null) clearSession(storage);
  return null;
}

export function saveSession(storage: Storage | null, session: SavedSession): void {
  try {
    // Replies are stored without their matcher debug data: only what the visitor saw.
    const messages = session.messages.slice(-MAX_STORED_MESSAGES).map((m) => (m.role === 'assistant' ? { role: m.role, reply: shown(m.reply) } : m));
    const draft = session.draft ? { draft: session.draft } : {};
    storage?.setItem(STORAGE_KEY, JSON.stringify({ v: 1, open: session.open, messages, ...draft }));
  } catch {
    // Full or blocked storage only costs the transcript on the next page.
  }
}

export function clearSession(storage: Storage | null): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to undo.
  }
}

const shown = ({ route, kind, entryId, options, text, actions }: Reply): Reply => ({ route, ...(kind ? { kind } : {}), entryId, options, text, actions });

const ACTION_TYPES: readonly ActionType[] = ['book', 'call', 'link', 'topic'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';

function toAction(value: unknown): ReplyAction | null {
  if (!isRecord(value) || !ACTION_TYPES.includes(value.type as ActionType) || typeof value.label !== 'string') return null;
  if (!isOptionalString(value.href) || !isOptionalString(value.entryId) || !isOptionalString(value.value) || !isOptionalString(value.lang)) return null;
  return value as unknown as ReplyAction;
}

function toMessage(value: unknown): TranscriptMessage | null {
  if (!isRecord(value)) return null;
  if (value.role === 'visitor' && typeof value.text === 'string') {
    if (value.action === undefined) return { role: 'visitor', text: value.text };
    const action = toAction(value.action);
    return action && { role: 'visitor', text: value.text, action };
  }
  const reply = value.reply;
  if (value.role !== 'assistant' || !isRecord(reply)) return null;
  const { route, kind, entryId, options, text, actions } = reply;
  if (!ROUTES.includes(route as Reply['route']) || typeof text !== 'string') return null;
  if (kind !== undefined && !CRISIS_KINDS.includes(kind as CrisisKind)) return null;
  if (!(entryId === null || typeof entryId === 'string') || !Array.isArray(options) || !options.every((o) => typeof o === 'string')) return null;
  if (!Array.isArray(actions)) return null;
  const checked = actions.map(toAction);
  if (!checked.every((a): a is ReplyAction => a !== null)) return null;
  const known = kind === undefined ? {} : { kind: kind as CrisisKind };
  return { role: 'assistant', reply: { route: route as Reply['route'], ...known, entryId, options, text, actions: checked } };
}
