/**
 * Types shared by the whole core: the knowledge a practitioner curates and the replies the
 * conversation engine returns. Nothing here imports Preact or touches the DOM.
 */

/** One question-and-answer entry of the practice's FAQ. */
export interface FaqEntry {
  /** Stable identifier, lowercase words joined by hyphens, e.g. `what-is-kap`. */
  id: string;
  /** Short label for quick-reply buttons, e.g. "What is KAP?". */
  label: string;
  /** The natural question this entry answers. */
  question: string;
  /** The answer in the practice's words. Safe rich text: paragraphs, `**strong**`, `*emphasis*`, `- ` lists, `[text](https://…)`. */
  answer: string;
  /** Other ways a visitor might ask the same thing. */
  alternates: string[];
  /** Words and short phrases that point to this entry. */
  keywords?: string[];
  /** Ids of entries offered as follow-up questions after this answer. */
  followUps?: string[];
  /** The entry that comes after this one ("and after that?" after preparation). */
  next?: string;
}

export interface PracticeSettings {
  name: string;
  practitioner?: string;
  /**
   * The small picture in the chat's header: a monogram of 1 to 3 characters (`"ET"`), or the address
   * of a small square image, `https:` or a path on the site (`"/images/practice.png"`).
   */
  avatar?: string;
  /** The language of the knowledge's words, e.g. `en` or `ar`: the widget's `lang`, and its direction, unless `data-lang` says otherwise. */
  lang?: string;
  booking: { url: string; label: string };
  contact?: { label: string; email?: string; phone?: string; url?: string };
}

/** Everything the assistant says that is not an FAQ answer. */
export interface Messages {
  greeting: string;
  disclaimer: string;
  fallback: string;
  /** One line under the fallback pointing to the "Need help now?" control; `{button}` is replaced by `ui.helpButton`. */
  fallbackHelp: string;
  fallbackEmpty: string;
  clarify: string;
  eligibility: string;
  booking: string;
  crisis: string;
  crisisFollowUp: string;
  /** Distress without danger: a short warm reply; the country's crisis line and the booking action follow it. */
  support: string;
  greetingReply: string;
  identityReply: string;
  thanksReply: string;
  /** The reply to a reaction that says nothing more ("oh.", "hmm"); `thanksReply` when absent. */
  acknowledgeReply?: string;
  goodbyeReply: string;
  followUpPrompt: string;
  topicsPrompt: string;
  moreAbout: string;
  unclearFollowUp: string;
  fitStart: string;
  fitEnd: string;
  fitCancelled: string;
}

/** Labels of the widget's interface, in the practice's language. */
export interface UiStrings {
  launcherLabel: string;
  title: string;
  subtitle: string;
  inputLabel: string;
  inputPlaceholder: string;
  send: string;
  close: string;
  clear: string;
  /** The question that confirms clearing, e.g. "Clear this conversation?". */
  clearAsk: string;
  /** The button that confirms clearing, e.g. "Clear". */
  clearYes: string;
  /** The button that keeps the conversation, e.g. "Keep it". */
  clearNo: string;
  clearConfirm: string;
  typing: string;
  transcriptLabel: string;
  /** `{count}` is replaced by the number of characters left. */
  charactersLeft: string;
  /** `{max}` is replaced by the length limit. */
  tooLong: string;
  fitCheck: string;
  /** Above each reflection question: "Question {n} of {total}". */
  fitProgress: string;
  /** The quick reply that stops the reflection. */
  fitStop: string;
  bookingCardTitle: string;
  crisisCardTitle: string;
  /** The control in the panel's header that shows the crisis resources, e.g. "Need help now?". */
  helpButton: string;
  you: string;
  assistant: string;
  /** Read after a link that opens in a new tab (another site), beside its visible icon, e.g. "opens in a new tab". */
  newTab: string;
  /** The quiet status of the chat window opened before the assistant has loaded (the loader's shell). */
  loading: string;
  /** The shell's words when the assistant could not load, above booking, contact and crisis links. */
  loadFailed: string;
}

export interface CrisisResource {
  /** `call` makes a `tel:` link, `text` an `sms:` link, `link` an `https:` link. */
  kind: 'call' | 'text' | 'link';
  label: string;
  number?: string;
  url?: string;
  /** The label's language when it is not the knowledge's, e.g. `es`, so screen readers pronounce it right. */
  lang?: string;
}

/** The help for one situation: the sentence that leads the reply, and which resources come first. */
export interface CrisisGuide {
  lead: string;
  /** Ids of the country's resources, most important first. */
  resources: string[];
}

/** One country's crisis resources, and their order for each kind of crisis. */
export interface CountryPreset {
  /** e.g. "United States". */
  name: string;
  /** One sentence offering the resources: under the disclaimer, in the support reply, after a reply with a weak risk signal. */
  line: string;
  /** The country's lines and links by id, e.g. `"poison-control": { … }`. */
  resources: Record<string, CrisisResource>;
  /** What the "Need help now?" control shows before any crisis reply. */
  help: CrisisGuide;
  /** Per kind of crisis; a kind left out gets `help`. */
  kinds?: Partial<Record<CrisisKind, CrisisGuide>>;
}

export interface CrisisSettings {
  /** The country used unless the script tag's `data-country` names another, e.g. `US`. */
  defaultCountry: string;
  /** By country code, e.g. `US`, `GB`, `EU`. */
  countries: Record<string, CountryPreset>;
}

export interface FitChoice {
  label: string;
  value: 'yes' | 'some' | 'unsure' | 'no';
  /** How this choice relates to the practice's fit criteria, in the page's words. */
  note: string;
}

export interface FitQuestion {
  id: string;
  text: string;
  choices: FitChoice[];
}

export interface FitSettings {
  questions: FitQuestion[];
  /** How the reflection ends, in the page's words: who the approach tends to fit, never a verdict on the visitor. */
  closing: string;
  /** Entries offered after the closing words. */
  followUps?: string[];
}

/** Words and patterns that send a question to the crisis route. */
export interface CrisisTerms {
  /** Any of these alone is crisis language. */
  phrases: string[];
  /** Quieter signs (hopelessness, farewells, finality): two different ones together are crisis language. */
  signals: string[];
  /** Wanting or planning ("i want", "thinking about", "how many … to"): crisis language when a harm follows closely. */
  intents: string[];
  /** Dying, ending, disappearing, self-harm ("die", "end it all", "not exist"): crisis language right after an intent. */
  harms: string[];
  /** Idioms and questions about the session that cancel the intent and signal rules ("dying to know"), never the phrases. */
  exceptions: string[];
  patterns?: string[];
  /**
   * Words that can carry risk, emoji included ("die", "pill*", "🩸"). Alone they decide nothing;
   * with one of them present, a moderately sure reading of the learned model counts as crisis.
   */
  riskWords?: string[];
  /** Phrases that are crisis language of one kind ("not breathing": medical), so the right help leads. */
  byKind?: Partial<Record<CrisisKind, string[]>>;
  /**
   * Time words that place risk language in the distant past ("years ago", "as a teenager"): the
   * rules then offer the resources in one line instead of the crisis route, unless a present
   * marker ("again", "lately", "tonight") brings it back to now.
   */
  pastMarkers?: string[];
  presentMarkers?: string[];
  /** A question about a lethal amount: an amount, an outcome and a means in one sentence is crisis language. */
  lethality?: { quantity: string[]; outcome: string[]; means: string[] };
}

/** Words and patterns that send a question to the eligibility route. */
export interface EligibilityTerms {
  /** Any of these alone makes a question an eligibility question. */
  phrases: string[];
  /** "Can I take ketamine", "is it safe for me": count unless an exception also matches. */
  candidacy: string[];
  /** Medication names: any of these alone makes a question an eligibility question. */
  medications: string[];
  /** General medical words that count when a personal cue is also present ("my meds"). */
  contextTerms: string[];
  /** Words that make a question about the visitor ("I'm on", "can I"). "my" right before a context term counts too. */
  personalCues: string[];
  /** Words that make a medical word the visitor's own when they stand just before it ("my", "mine"). */
  possessives?: string[];
  /** Words of the subject itself ("ketamine", "therapy"): a question of a medical word and these alone is personal. */
  subjectWords?: string[];
  /** Words that make a short question general ("can you get addicted to it?", "do you see teenagers?"): the short-question rule does not read them as the visitor's own. */
  generalSubjects?: string[];
  /** Phrases that cancel the context rule ("antidepressants haven't worked"). */
  exceptions: string[];
  /** Regular expressions, tested against the normalised question. */
  patterns?: string[];
}

export interface SafetyTerms {
  crisis: CrisisTerms;
  eligibility: EligibilityTerms;
}

export interface LanguageSettings {
  /** Whole words or short phrases replaced before anything else: abbreviations, misspellings. */
  replacements: Record<string, string>;
  /** canonical word: other words meaning the same thing for matching. */
  synonyms: Record<string, string[]>;
  stopwords: string[];
  /** Real words that must never be read as a misspelling of another word. */
  knownWords: string[];
}

/** Short turns read whole ("yes", "and after that?", "the second one"); the state machine decides what they do. */
export interface ConversationTurns {
  yes: string[];
  no: string[];
  /** "tell me more": the follow-ups of the last answer. */
  more: string[];
  /** "and after that?": the entry that comes next. */
  next: string[];
  /** Stops the fit reflection. */
  stop: string[];
  /** Pressing for a yes or no after an eligibility reply, or claiming a role to get one (found anywhere in the message). */
  insist: string[];
  first: string[];
  second: string[];
  third: string[];
  /** "why?", "how come?" after an answer: the last answer's follow-ups. */
  why?: string[];
  /** Words that open a question ("how", "can"): a sentence that starts with one asks something. */
  questionWords?: string[];
  /** Words a sentence may open with before its question word ("so", "wait"), besides greetings and thanks. */
  openers?: string[];
  /** Words that point back at the last answer ("that part", "instead"): a short message with one is a follow-up. */
  backReferences?: string[];
}

/** Words that recognise what a visitor wants besides an FAQ answer. */
export interface IntentTerms {
  /** Asking to book, schedule or contact: the booking route. */
  booking: string[];
  /** Single words that ask to book or get in touch in a short message ("email?", "appointment"); in a longer question they say nothing. */
  bookingWords?: string[];
  /** Topics the knowledge does not cover (fees, insurance, location): an honest fallback, never a guess. */
  outOfScope: string[];
  /** A message made only of these words is small talk. */
  smalltalk: { greeting: string[]; thanks: string[]; goodbye: string[]; filler: string[] };
  /** Asking whether the approach fits them personally: starts the guided fit reflection. */
  fitCheck: string[];
  /** Asking whether they are talking to a person: the assistant says it is automated. */
  identity: string[];
  /** Short turns whose meaning depends on where the conversation stands. */
  turns?: ConversationTurns;
}

/** The whole knowledge base, as the practitioner's JSON files describe it. */
export interface Knowledge {
  practice: PracticeSettings;
  messages: Messages;
  ui: UiStrings;
  crisis: CrisisSettings;
  faq: FaqEntry[];
  fit: FitSettings;
  safety: SafetyTerms;
  intents: IntentTerms;
  language: LanguageSettings;
}

export type Route =
  | 'answer'
  | 'clarify'
  | 'eligibility'
  | 'crisis'
  | 'booking'
  | 'fallback'
  | 'smalltalk'
  | 'fit-check'
  | 'support';

/** The kinds of crisis, each with the help it needs first. */
export type CrisisKind = 'self-harm' | 'medical' | 'violence' | 'someone-else' | 'harm-to-others';
export const CRISIS_KINDS: readonly CrisisKind[] = ['self-harm', 'medical', 'violence', 'someone-else', 'harm-to-others'];

export const ROUTES: readonly Route[] = [
  'answer',
  'clarify',
  'eligibility',
  'crisis',
  'booking',
  'fallback',
  'smalltalk',
  'fit-check',
  'support',
];

/** `call` covers `tel:` and `sms:` links; `topic` is a quick reply (an entry, a fit choice, a suggestion). */
export type ActionType = 'book' | 'call' | 'link' | 'topic';

/** Something the visitor can do next: a button or link under a reply. */
export interface ReplyAction {
  type: ActionType;
  label: string;
  /** For `book`, `call` and `link`: where it goes (`https:`, `tel:`, `sms:`, `mailto:`). */
  href?: string;
  /** For `topic`: the entry it asks about. */
  entryId?: string;
  /** For a `topic` that is not an entry (a fit-reflection choice, the fit check): the value to send back. */
  value?: string;
  /** The label's language when it is not the knowledge's, e.g. `es`. */
  lang?: string;
}

/** How the matcher arrived at a reply; shown in the playground, never to visitors. */
export interface ReplyDebug {
  confidence: number;
  runnerUp: string | null;
  runnerUpConfidence: number;
  /** What triggered a safety route, e.g. `medication: zoloft`. */
  trigger?: string;
}

/** One reply of the assistant. The same contract serves the widget, the command line and the tests. */
export interface Reply {
  route: Route;
  /** For `crisis`: which kind, so the help it needs comes first. */
  kind?: CrisisKind;
  /** The answered entry, or null. */
  entryId: string | null;
  /** Candidate entry ids, for `clarify`. */
  options: string[];
  /** The reply as safe rich text (see {@link FaqEntry.answer}). */
  text: string;
  actions: ReplyAction[];
  debug?: ReplyDebug;
}
