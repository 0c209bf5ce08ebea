import type { Knowledge, ReplyAction } from '../core';
import { createReplyBuilder } from '../core/conversation/replies';

/** A link the loader's shell can show on its own: booking, contact, or a crisis resource. */
export interface FallbackLink {
  label: string;
  /** `https:`, `mailto:`, `tel:` or `sms:`, as the core's replies make them. */
  href: string;
  lang?: string;
}

/**
 * The few words and links that travel in the loader (kap-chat.js), so the launcher and the panel
 * shell need nothing else: read from the knowledge at build time (`virtual:kapchat-fallback`), never
 * retyped. A knowledge file given with `data-knowledge-url` does not change them; the app does.
 */
export interface FallbackStrings {
  launcherLabel: string;
  title: string;
  subtitle: string;
  close: string;
  loading: string;
  loadFailed: string;
  crisisCardTitle: string;
  /** The "Need help now?" control, which shows the crisis links in the shell as in the app. */
  helpButton: string;
  /** The knowledge's `practice.lang` and `practice.avatar`, as the app's header shows them. */
  lang?: string;
  avatar?: string;
  /** The booking link, then the contact, as the core's booking reply offers them. */
  booking: FallbackLink[];
  defaultCountry: string;
  /**
   * By country code: the panel's disclaimer line and the "Need help now?" resources as links. Their
   * labels say what each does ("Call 988 (Suicide & Crisis Lifeline)"), so the lead sentence stays
   * in the app: every byte here is paid on every page.
   */
  countries: Record<string, { disclaimer: string; links: FallbackLink[] }>;
}

const link = ({ label, href, lang }: ReplyAction): FallbackLink => ({ label, href: href ?? '', ...(lang ? { lang } : {}) });

/**
 * Picks the loader's strings out of the knowledge, through the same reply builder the engine uses:
 * the crisis links are exactly the ones the "Need help now?" control shows for each country.
 *
 * @example
 * buildFallbackStrings(defaultKnowledge).countries.US.links[0]; // → { label: 'Call 988 (Suicide & Crisis Lifeline)', href: 'tel:988' }
 */
export function buildFallbackStrings(knowledge: Knowledge): FallbackStrings {
  const { ui, crisis, practice } = knowledge;
  const countries: FallbackStrings['countries'] = {};
  for (const code of Object.keys(crisis.countries)) {
    const replies = createReplyBuilder(knowledge, { country: code });
    const help = replies.help();
    countries[code] = { disclaimer: replies.disclaimer(), links: help.actions.filter((a) => a.href).map(link) };
  }
  return {
    launcherLabel: ui.launcherLabel,
    title: ui.title,
    subtitle: createReplyBuilder(knowledge).subtitle(),
    close: ui.close,
    loading: ui.loading,
    loadFailed: ui.loadFailed,
    crisisCardTitle: ui.crisisCardTitle,
    helpButton: ui.helpButton,
    ...(practice.lang ? { lang: practice.lang } : {}),
    ...(practice.avatar ? { avatar: practice.avatar } : {}),
    booking: createReplyBuilder(knowledge).booking().actions.filter((a) => a.href).map(link),
    defaultCountry: crisis.defaultCountry,
    countries,
  };
}
