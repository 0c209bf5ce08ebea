import type { FaqEntry, FitQuestion, Knowledge, Reply, ReplyAction, ReplyDebug } from '../types';
import type { SmalltalkKind } from './intents';

/** Value of the quick reply that starts the guided fit reflection. */
export const FIT_START_VALUE = 'fit-check';
/** Prefix of the values of fit-reflection choices: `fit:yes`. */
export const FIT_CHOICE_PREFIX = 'fit:';
export const FIT_STOP_VALUE = 'fit:stop';

/**
 * Builds every reply the assistant gives, from the knowledge only. The state machine decides
 * which reply; this decides nothing, it only words it.
 */
export interface ReplyBuilder {
  greeting(): Reply;
  answer(entryId: string, debug?: ReplyDebug): Reply;
  clarify(entryIds: string[], debug?: ReplyDebug): Reply;
  more(entryId: string): Reply;
  fallback(kind: 'unknown' | 'empty' | 'out-of-scope', debug?: ReplyDebug): Reply;
  eligibility(debug?: ReplyDebug): Reply;
  crisis(debug?: ReplyDebug): Reply;
  booking(debug?: ReplyDebug): Reply;
  smalltalk(kind: SmalltalkKind): Reply;
  fitQuestion(step: number, isFirst: boolean): Reply;
  fitSummary(values: string[]): Reply;
  fitCancelled(): Reply;
}

export function createReplyBuilder(knowledge: Knowledge): ReplyBuilder {
  const byId = new Map<string, FaqEntry>(knowledge.faq.map((e) => [e.id, e]));
  const { messages, practice, ui } = knowledge;

  const book = (): ReplyAction => ({ type: 'book', label: practice.booking.label, href: practice.booking.url });
  const topic = (id: string): ReplyAction | null => {
    const entry = byId.get(id);
    return entry ? { type: 'topic', label: entry.label, entryId: id } : null;
  };
  const topics = (ids: string[]) => ids.map(topic).filter((a): a is ReplyAction => a !== null);
  const contact = (): ReplyAction[] => {
    const c = practice.contact;
    if (!c) return [];
    const href = c.url ?? (c.email ? `mailto:${c.email}` : c.phone ? `tel:${c.phone.replace(/[^\d+]/g, '')}` : undefined);
    return href ? [{ type: 'link', label: c.label, href }] : [];
  };
  const fitStart = (): ReplyAction => ({ type: 'topic', label: ui.fitCheck, value: FIT_START_VALUE });
  /** The entries offered when the assistant has nothing better: the first few of the FAQ. */
  const starters = () => topics(knowledge.faq.slice(0, 4).map((e) => e.id));
  const reply = (r: Omit<Reply, 'entryId' | 'options'> & Partial<Pick<Reply, 'entryId' | 'options'>>): Reply => ({
    entryId: null,
    options: [],
    ...r,
  });

  const crisisActions = (): ReplyAction[] =>
    knowledge.crisis.resources.map((r) => {
      if (r.kind === 'link') return { type: 'link', label: r.label, href: r.url ?? '' };
      const number = (r.number ?? '').replace(/[^\d+]/g, '');
      return { type: 'call', label: r.label, href: (r.kind === 'text' ? 'sms:' : 'tel:') + number };
    });

  return {
    greeting: () => reply({ route: 'smalltalk', text: messages.greeting, actions: [...starters(), fitStart()] }),
    answer(entryId, debug) {
      const entry = byId.get(entryId)!;
      return reply({ route: 'answer', entryId, text: entry.answer, actions: topics(entry.followUps ?? []), debug });
    },
    clarify: (ids, debug) => reply({ route: 'clarify', options: ids, text: messages.clarify, actions: topics(ids), debug }),
    more(entryId) {
      const ids = byId.get(entryId)?.followUps ?? [];
      return reply({ route: 'clarify', options: ids, text: messages.moreAbout, actions: topics(ids) });
    },
    fallback(kind, debug) {
      const text = kind === 'empty' ? messages.fallbackEmpty : messages.fallback;
      return reply({ route: 'fallback', text, actions: [...starters(), book(), ...contact()], debug });
    },
    eligibility: (debug) => reply({ route: 'eligibility', text: messages.eligibility, actions: [book(), ...contact()], debug }),
    crisis(debug) {
      const numbers = knowledge.crisis.resources.map((r) => r.label).join('\n- ');
      const text = `${messages.crisis}\n\n- ${numbers}\n\n${messages.crisisFollowUp}`;
      return reply({ route: 'crisis', text, actions: crisisActions(), debug });
    },
    booking: (debug) => reply({ route: 'booking', text: messages.booking, actions: [book(), ...contact()], debug }),
    smalltalk(kind) {
      const text = {
        thanks: messages.thanksReply,
        goodbye: messages.goodbyeReply,
        greeting: messages.greetingReply,
        identity: messages.identityReply,
      }[kind];
      return reply({ route: 'smalltalk', text, actions: kind === 'goodbye' || kind === 'identity' ? [book()] : starters() });
    },
    fitQuestion(step, isFirst) {
      const question: FitQuestion = knowledge.fit.questions[step]!;
      const choices: ReplyAction[] = question.choices.map((c) => ({ type: 'topic', label: c.label, value: FIT_CHOICE_PREFIX + c.value }));
      const text = isFirst ? `${messages.fitStart}\n\n${question.text}` : question.text;
      return reply({ route: 'fit-check', text, actions: choices });
    },
    fitSummary(values) {
      const notes = knowledge.fit.questions.map((q, i) => q.choices.find((c) => c.value === values[i])?.note).filter(Boolean);
      const positive = values.filter((v) => v === 'yes').length;
      const negative = values.filter((v) => v === 'no').length;
      const { strong, mixed, weak } = knowledge.fit.summaries;
      const summary = negative === 0 && positive >= values.length - 1 ? strong : positive >= negative ? mixed : weak;
      const text = `${summary}\n\n${notes.map((n) => '- ' + n).join('\n')}\n\n${messages.fitEnd}`;
      return reply({ route: 'fit-check', entryId: null, text, actions: [book(), ...topics(['right-fit', 'who-might-benefit'])] });
    },
    fitCancelled: () => reply({ route: 'smalltalk', text: messages.fitCancelled, actions: starters() }),
  };
}
