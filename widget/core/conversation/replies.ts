import type { CountryPreset, CrisisGuide, CrisisKind, CrisisResource, FaqEntry, FitQuestion, Knowledge, Reply, ReplyAction, ReplyDebug } from '../types';
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
  /** A short follow-up that no entry answers surely: the last answer and its follow-ups to choose from. */
  unclearFollowUp(entryId: string, debug?: ReplyDebug): Reply;
  fallback(kind: 'unknown' | 'empty' | 'out-of-scope', debug?: ReplyDebug): Reply;
  eligibility(debug?: ReplyDebug): Reply;
  /**
   * The crisis reply for one kind of crisis: the country's resources in the order that kind needs
   * them, as `call` (and `link`) actions, and the kind's lead sentence first in the text.
   *
   * @example
   * replies.crisis(undefined, 'medical').actions[0]; // → { type: 'call', label: 'Call 911', href: 'tel:911' }
   */
  crisis(debug?: ReplyDebug, kind?: CrisisKind): Reply;
  /** Distress without danger: a short warm reply, the country's crisis line, and the booking action. */
  support(debug?: ReplyDebug): Reply;
  /** One sentence offering the country's crisis resources, to add to an ordinary reply when a weak risk signal is seen. */
  resourcesLine(): string;
  /**
   * What the "Need help now?" control shows: the resources for `kind` (the last crisis reply's), or
   * the country's general help when there was none. Route `crisis`; its text is the lead sentence only.
   */
  help(kind?: CrisisKind): Reply;
  /** The line always shown under the chat: `messages.disclaimer` and the country's crisis line. */
  disclaimer(): string;
  /** The line under the chat's title: `ui.subtitle`, `{practice}` replaced by the practice's name. */
  subtitle(): string;
  booking(debug?: ReplyDebug): Reply;
  smalltalk(kind: SmalltalkKind): Reply;
  fitQuestion(step: number, isFirst: boolean): Reply;
  /** The end of the reflection: who the approach tends to fit, in the page's words; never a verdict. */
  fitClosing(): Reply;
  fitCancelled(): Reply;
}

export interface ReplyBuilderOptions {
  /**
   * Whose crisis resources to give: a country code of `knowledge.crisis.countries`, e.g. `GB`.
   * Default, and for a code the knowledge does not have: `knowledge.crisis.defaultCountry`.
   */
  country?: string;
}

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The country preset the replies use: `country` when the knowledge has it, else the default.
 *
 * @example
 * crisisCountry(defaultKnowledge, 'GB').name; // → 'United Kingdom'
 */
export function crisisCountry(knowledge: Knowledge, country?: string): CountryPreset {
  const { countries, defaultCountry } = knowledge.crisis;
  const code = country && own(countries, country) ? country : own(countries, defaultCountry) ? defaultCountry : Object.keys(countries)[0]!;
  return countries[code]!;
}

/** `call` and `text` resources become `tel:` and `sms:` links with the digits only; `link`s keep their address. */
function resourceAction(resource: CrisisResource): ReplyAction {
  const lang = resource.lang ? { lang: resource.lang } : {};
  if (resource.kind === 'link') return { type: 'link', label: resource.label, href: resource.url ?? '', ...lang };
  const number = (resource.number ?? '').replace(/[^\d+]/g, '');
  return { type: 'call', label: resource.label, href: (resource.kind === 'text' ? 'sms:' : 'tel:') + number, ...lang };
}

export function createReplyBuilder(knowledge: Knowledge, options: ReplyBuilderOptions = {}): ReplyBuilder {
  const byId = new Map<string, FaqEntry>(knowledge.faq.map((e) => [e.id, e]));
  const { messages, practice, ui } = knowledge;
  const country = crisisCountry(knowledge, options.country);

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

  /** The guide for a kind of crisis; a kind the country does not order gets its general help. */
  const guide = (kind?: CrisisKind): CrisisGuide => (kind && country.kinds?.[kind]) || country.help;
  const resourceActions = (g: CrisisGuide): ReplyAction[] =>
    g.resources.filter((id) => own(country.resources, id)).map((id) => resourceAction(country.resources[id]!));

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
    unclearFollowUp(entryId, debug) {
      const ids = [entryId, ...(byId.get(entryId)?.followUps ?? [])].filter((id) => byId.has(id)).slice(0, 3);
      return reply({ route: 'clarify', options: ids, text: messages.unclearFollowUp, actions: topics(ids), debug });
    },
    fallback(kind, debug) {
      const text = kind === 'empty' ? messages.fallbackEmpty : `${messages.fallback}\n\n${messages.fallbackHelp.replace('{button}', ui.helpButton)}`;
      return reply({ route: 'fallback', text, actions: [...starters(), book(), ...contact()], debug });
    },
    eligibility: (debug) => reply({ route: 'eligibility', text: messages.eligibility, actions: [book(), ...contact()], debug }),
    crisis(debug, kind = 'self-harm') {
      const g = guide(kind);
      const text = `${g.lead}\n\n${messages.crisis} ${messages.crisisFollowUp}`;
      return reply({ route: 'crisis', kind, text, actions: resourceActions(g), debug });
    },
    support: (debug) => reply({ route: 'support', text: `${messages.support}\n\n${country.line}`, actions: [book()], debug }),
    resourcesLine: () => country.line,
    help(kind) {
      const g = guide(kind);
      return reply({ route: 'crisis', ...(kind ? { kind } : {}), text: g.lead, actions: resourceActions(g) });
    },
    disclaimer: () => `${messages.disclaimer} ${country.line}`,
    subtitle: () => ui.subtitle.replace('{practice}', practice.name),
    booking: (debug) => reply({ route: 'booking', text: messages.booking, actions: [book(), ...contact()], debug }),
    smalltalk(kind) {
      const text = {
        thanks: messages.thanksReply,
        goodbye: messages.goodbyeReply,
        greeting: messages.greetingReply,
        identity: messages.identityReply,
        acknowledge: messages.acknowledgeReply ?? messages.thanksReply,
      }[kind];
      return reply({ route: 'smalltalk', text, actions: kind === 'goodbye' || kind === 'identity' ? [book()] : starters() });
    },
    fitQuestion(step, isFirst) {
      const question: FitQuestion = knowledge.fit.questions[step]!;
      const choices: ReplyAction[] = question.choices.map((c) => ({ type: 'topic', label: c.label, value: FIT_CHOICE_PREFIX + c.value }));
      const progress = ui.fitProgress.replace('{n}', String(step + 1)).replace('{total}', String(knowledge.fit.questions.length));
      const text = `${isFirst ? messages.fitStart + '\n\n' : ''}*${progress}*\n\n${question.text}`;
      return reply({ route: 'fit-check', text, actions: [...choices, { type: 'topic', label: ui.fitStop, value: FIT_STOP_VALUE }] });
    },
    fitClosing() {
      const text = `${knowledge.fit.closing}\n\n${messages.fitEnd}`;
      return reply({ route: 'fit-check', entryId: null, text, actions: [book(), ...topics(knowledge.fit.followUps ?? [])] });
    },
    fitCancelled: () => reply({ route: 'smalltalk', text: messages.fitCancelled, actions: starters() }),
  };
}
