import { CRISIS_KINDS, type Knowledge, type Messages, type UiStrings, type FaqEntry, type FitChoice, type FitQuestion, type CrisisResource, type CrisisGuide, type CountryPreset, type EligibilityTerms, type IntentTerms, type ConversationTurns, type LanguageSettings } from '../types';
import { isSafeHref } from '../text/richText';
import { editDistance } from '../text/normalize';
import * as say from './errorMessages';
import type { ProblemText } from './errorMessages';
import { placeName } from './placeName';

/**
 * One thing wrong with the knowledge, written for the practitioner who edits it.
 *
 * @example
 * { severity: 'error', file: 'faq.json', path: 'faq[3].answer', message: 'should be text in double quotes, but is the number 42', fix: 'Write the value between double quotes, e.g. "42".' }
 */
export interface Problem {
  /** An error stops the build and the widget from using the knowledge; a warning is worth a look. */
  severity: 'error' | 'warning';
  /** Where inside the knowledge, e.g. `faq[3].alternates[1]`; empty for the whole file. */
  path: string;
  /**
   * The same place in words, naming the entry by its id and question, e.g.
   * `entry is-it-a-cure (Is ketamine a cure?), alternate 2`. What people read; `path` is for tools.
   */
  place?: string;
  /** What is wrong, without a final full stop. */
  message: string;
  /** How to fix it, in plain language. */
  fix: string;
  /** The knowledge file the problem is in, when known, e.g. `faq.json`. */
  file?: string;
  /** For a JSON syntax error: where in the file, counted from 1. */
  line?: number;
  column?: number;
}

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The knowledge, when `ok` and every section is present. */
  knowledge?: Knowledge;
  problems: Problem[];
}

export interface ValidateOptions {
  /** Accept a document (or files) holding only some sections, e.g. one file checked on its own. */
  partial?: boolean;
}

export type SectionName = keyof Knowledge;

/** The sections of the knowledge, each with the file it usually lives in. */
export const SECTION_FILES: Readonly<Record<SectionName, string>> = Object.freeze({
  practice: 'practice.json',
  messages: 'practice.json',
  ui: 'practice.json',
  crisis: 'practice.json',
  faq: 'faq.json',
  fit: 'fit.json',
  safety: 'safety.json',
  intents: 'intents.json',
  language: 'language.json',
});
const SECTIONS = Object.keys(SECTION_FILES) as SectionName[];

/** Entries the widget relies on (quick replies, the eligibility and fit flows, the evaluation set): renaming one breaks it. */
export const REQUIRED_ENTRY_IDS: readonly string[] = Object.freeze([
  'what-is-kap',
  'who-might-benefit',
  'why-combine',
  'approach-ifs',
  'treatment-overview',
  'preparation',
  'ketamine-sessions',
  'integration',
  'is-it-a-cure',
  'lose-control',
  'is-it-safe',
  'ketamine-required',
  'right-fit',
]);

export const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Longer answers no longer fit a chat bubble on a phone. */
export const MAX_ANSWER_LENGTH = 900;
export const MIN_PHRASINGS = 3;
const FIT_VALUES: readonly FitChoice['value'][] = ['yes', 'some', 'unsure', 'no'];
const RESOURCE_KINDS: readonly CrisisResource['kind'][] = ['call', 'text', 'link'];
const BOOKING_URL = /^(?:https:\/\/\S+|\/(?!\/)\S*)$/;
const EMAIL = /^[^\s@:]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]*\d[\d\s().-]*$/;
/** Two capital letters: ISO 3166 codes, and EU for the European Union. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;
/** A monogram of 1 to 3 characters without spaces, or an image at an https: address or a path on the site. */
export const AVATAR = /^(?:\S{1,3}|https:\/\/\S+|\/(?!\/)\S+)$/u;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z\d]{2,8})*$/i;
const ANSWER_LINK = /\[[^\]]+\]\(([^)\s]+)\)/g;
const PLACEHOLDER_DOMAIN = /(?:^|[@./])example\.com(?:$|[/:?#])/i;

/**
 * Checks one knowledge document: the merged knowledge, or one file with `partial: true`.
 *
 * @example
 * const result = validateKnowledgeDocument(JSON.parse(text));
 * if (!result.ok) result.problems.forEach((p) => console.warn(formatProblem(p, { console: true })));
 */
export function validateKnowledgeDocument(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  return validate([[undefined, doc]], options.partial === true);
}

/**
 * Checks the knowledge files together: each file's sections, then that every section is defined
 * in exactly one file. Every problem names its file.
 *
 * @example
 * validateKnowledgeFiles({ 'practice.json': practice, 'faq.json': faq, … }).problems
 * // → [{ severity: 'error', file: 'faq.json', path: 'faq[3].answer', … }]
 */
export function validateKnowledgeFiles(files: Record<string, unknown>, options: ValidateOptions = {}): ValidationResult {
  return validate(Object.entries(files), options.partial === true);
}

export interface FormatOptions {
  /** The folder the files are in, e.g. `knowledge/`, so the line reads `knowledge/faq.json: …`. */
  directory?: string;
  /** Start the line with `KapChat knowledge:`, for the browser console. */
  console?: boolean;
}

/**
 * One line for a person to read.
 *
 * @example
 * formatProblem(problem, { directory: 'knowledge' });
 * // → 'knowledge/faq.json: entry is-it-a-cure (Is ketamine a cure?), answer: should be text in double quotes, but is the number 42. Fix: Write the value between double quotes, e.g. "42".'
 */
export function formatProblem(problem: Problem, options: FormatOptions = {}): string {
  const file = problem.file && options.directory ? options.directory.replace(/\/*$/, '/') + problem.file : problem.file;
  const position = problem.line === undefined ? '' : `line ${problem.line}, column ${problem.column ?? 1}`;
  const where = [file, position, problem.place || problem.path].filter(Boolean).map((w) => w + ': ').join('');
  const line = `${where}${problem.message}. Fix: ${problem.fix}`;
  return options.console ? `${say.LOG_PREFIX} ${line}` : line;
}

// The checks

interface Reporter {
  error(path: string, text: ProblemText): void;
  warn(path: string, text: ProblemText): void;
  /** The place at `path` in words, to name another place in a message ("already used by entry …"). */
  place(path: string): string;
}

/** 1 marks a required field, 0 an optional one. Typed against the contract, so the compiler flags a field the checks forget. */
type Shape<T> = { [K in keyof T]-?: object extends Pick<T, K> ? 0 : 1 };

const PRACTICE: Shape<Knowledge['practice']> = { name: 1, practitioner: 0, avatar: 0, lang: 0, booking: 1, contact: 0 };
const BOOKING: Shape<Knowledge['practice']['booking']> = { url: 1, label: 1 };
const CONTACT: Shape<NonNullable<Knowledge['practice']['contact']>> = { label: 1, email: 0, phone: 0, url: 0 };
const MESSAGES: Shape<Messages> = {
  greeting: 1,
  disclaimer: 1,
  fallback: 1,
  fallbackHelp: 1,
  fallbackEmpty: 1,
  clarify: 1,
  eligibility: 1,
  booking: 1,
  crisis: 1,
  crisisFollowUp: 1,
  support: 1,
  greetingReply: 1,
  identityReply: 1,
  thanksReply: 1,
  acknowledgeReply: 0,
  goodbyeReply: 1,
  followUpPrompt: 1,
  topicsPrompt: 1,
  moreAbout: 1,
  unclearFollowUp: 1,
  fitStart: 1,
  fitEnd: 1,
  fitCancelled: 1,
};
const UI: Shape<UiStrings> = {
  launcherLabel: 1,
  title: 1,
  subtitle: 1,
  inputLabel: 1,
  inputPlaceholder: 1,
  send: 1,
  close: 1,
  clear: 1,
  clearAsk: 1,
  clearYes: 1,
  clearNo: 1,
  clearConfirm: 1,
  typing: 1,
  transcriptLabel: 1,
  charactersLeft: 1,
  tooLong: 1,
  fitCheck: 1,
  fitProgress: 1,
  fitStop: 1,
  bookingCardTitle: 1,
  crisisCardTitle: 1,
  helpButton: 1,
  you: 1,
  assistant: 1,
  newTab: 1,
  loading: 1,
  loadFailed: 1,
};
const CRISIS: Shape<Knowledge['crisis']> = { defaultCountry: 1, countries: 1 };
const COUNTRY: Shape<CountryPreset> = { name: 1, line: 1, resources: 1, help: 1, kinds: 0 };
const GUIDE: Shape<CrisisGuide> = { lead: 1, resources: 1 };
const KINDS: Shape<NonNullable<CountryPreset['kinds']>> = { 'self-harm': 0, medical: 0, violence: 0, 'someone-else': 0, 'harm-to-others': 0 };
const RESOURCE: Shape<CrisisResource> = { kind: 1, label: 1, number: 0, url: 0, lang: 0 };
/** Fields of the crisis section before it held countries; named, so a practice's old file gets a fix, not "unknown field". */
const OLD_CRISIS_FIELDS = ['region', 'resources'];
const ENTRY: Shape<FaqEntry> = { id: 1, label: 1, question: 1, answer: 1, alternates: 1, keywords: 0, followUps: 0, next: 0 };
const FIT: Shape<Knowledge['fit']> = { questions: 1, closing: 1, followUps: 0 };
const FIT_QUESTION: Shape<FitQuestion> = { id: 1, text: 1, choices: 1 };
const FIT_CHOICE: Shape<FitChoice> = { label: 1, value: 1, note: 1 };
const SAFETY: Shape<Knowledge['safety']> = { crisis: 1, eligibility: 1 };
const CRISIS_TERMS: Shape<Knowledge["safety"]["crisis"]> = { phrases: 1, signals: 1, intents: 1, harms: 1, exceptions: 1, patterns: 0, riskWords: 0, byKind: 0, pastMarkers: 0, presentMarkers: 0, lethality: 0 };
const LETHALITY: Shape<NonNullable<Knowledge['safety']['crisis']['lethality']>> = { quantity: 1, outcome: 1, means: 1 };
const ELIGIBILITY: Shape<EligibilityTerms> = { phrases: 1, candidacy: 1, medications: 1, contextTerms: 1, personalCues: 1, possessives: 0, subjectWords: 0, generalSubjects: 0, exceptions: 1, patterns: 0 };
const INTENTS: Shape<IntentTerms> = { booking: 1, bookingWords: 0, outOfScope: 1, smalltalk: 1, fitCheck: 1, identity: 1, turns: 0 };
const TURNS: Shape<ConversationTurns> = { yes: 1, no: 1, more: 1, next: 1, stop: 1, insist: 1, first: 1, second: 1, third: 1, why: 0, questionWords: 0, openers: 0, backReferences: 0 };
const SMALLTALK: Shape<IntentTerms['smalltalk']> = { greeting: 1, thanks: 1, goodbye: 1, filler: 1 };
const LANGUAGE: Shape<LanguageSettings> = { replacements: 1, synonyms: 1, stopwords: 1, knownWords: 1 };

const CHECKS: Record<SectionName, (r: Reporter, value: unknown, path: string) => void> = {
  practice: checkPractice,
  messages: checkMessages,
  ui: checkUi,
  crisis: checkCrisis,
  faq: checkFaq,
  fit: checkFit,
  safety: checkSafety,
  intents: checkIntents,
  language: checkLanguage,
};

function validate(documents: Array<[file: string | undefined, doc: unknown]>, partial: boolean): ValidationResult {
  const problems: Problem[] = [];
  const reporter = (file: string | undefined, doc?: unknown): Reporter => {
    const place = (path: string) => placeName(path, doc);
    const add = (severity: Problem['severity']) => (path: string, text: ProblemText) => {
      const where = place(path);
      const problem: Problem = where ? { severity, path, place: where, ...text } : { severity, path, ...text };
      problems.push(file === undefined ? problem : { ...problem, file });
    };
    return { error: add('error'), warn: add('warning'), place };
  };
  const merged: Record<string, unknown> = {};
  const owners = new Map<string, string | undefined>();

  for (const [file, doc] of documents) {
    const r = reporter(file, doc);
    if (!isRecord(doc)) {
      r.error('', say.fileNotObject());
      continue;
    }
    for (const [key, value] of Object.entries(doc)) {
      if (value === undefined) continue;
      if (key === '$schema') text(r, value, key);
      else if (!(SECTIONS as string[]).includes(key)) r.error(key, say.unknownSection(key, closest(key, SECTIONS), SECTIONS));
      else if (owners.has(key)) r.error(key, say.sectionTwice(key, owners.get(key)));
      else {
        owners.set(key, file);
        merged[key] = value;
        CHECKS[key as SectionName](r, value, key);
      }
    }
  }
  if (!partial) for (const s of SECTIONS) if (!owners.has(s)) reporter(undefined).error(s, say.missingSection(s, SECTION_FILES[s]));

  const ok = !problems.some((p) => p.severity === 'error');
  const complete = SECTIONS.every((s) => owners.has(s));
  return ok && complete ? { ok, knowledge: merged as unknown as Knowledge, problems } : { ok, problems };
}

function checkPractice(r: Reporter, value: unknown, path: string): void {
  const practice = fields(r, value, path, PRACTICE);
  if (!practice) return;
  text(r, practice.name, at(path, 'name'));
  text(r, practice.practitioner, at(path, 'practitioner'));
  const avatar = practice.avatar;
  if (text(r, avatar, at(path, 'avatar')) && !AVATAR.test(avatar)) r.error(at(path, 'avatar'), say.badAvatar(avatar));
  const lang = practice.lang;
  if (text(r, lang, at(path, 'lang')) && !LANGUAGE_TAG.test(lang)) r.error(at(path, 'lang'), say.badLanguageTag(lang));

  const bookingPath = at(path, 'booking');
  const booking = fields(r, practice.booking, bookingPath, BOOKING);
  if (booking) {
    text(r, booking.label, at(bookingPath, 'label'));
    const url = booking.url;
    if (text(r, url, at(bookingPath, 'url'))) {
      if (!BOOKING_URL.test(url)) r.error(at(bookingPath, 'url'), say.badBookingUrl(url));
      else if (PLACEHOLDER_DOMAIN.test(url)) r.warn(at(bookingPath, 'url'), say.placeholderBookingUrl(url));
    }
  }

  if (practice.contact === undefined) return;
  const contactPath = at(path, 'contact');
  const contact = fields(r, practice.contact, contactPath, CONTACT);
  if (!contact) return;
  text(r, contact.label, at(contactPath, 'label'));
  const email = contact.email;
  if (text(r, email, at(contactPath, 'email'))) {
    if (!EMAIL.test(email)) r.error(at(contactPath, 'email'), say.badEmail(email));
    else if (PLACEHOLDER_DOMAIN.test(email)) r.warn(at(contactPath, 'email'), say.placeholderEmail(email));
  }
  const phone = contact.phone;
  if (text(r, phone, at(contactPath, 'phone')) && !PHONE.test(phone)) r.error(at(contactPath, 'phone'), say.badPhone(phone));
  const url = contact.url;
  if (text(r, url, at(contactPath, 'url')) && !isSafeHref(url)) r.error(at(contactPath, 'url'), say.badLink(url));
}

function checkUi(r: Reporter, value: unknown, path: string): void {
  const ui = textFields(r, value, path, UI);
  if (!ui) return;
  const placeholders: Array<[keyof UiStrings, string]> = [
    ['charactersLeft', '{count}'],
    ['tooLong', '{max}'],
  ];
  for (const [key, placeholder] of placeholders) {
    const label = ui[key];
    if (isText(label) && !label.includes(placeholder)) r.warn(at(path, key), say.missingPlaceholder(placeholder));
  }
}

function checkMessages(r: Reporter, value: unknown, path: string): void {
  const messages = textFields(r, value, path, MESSAGES);
  if (messages && isText(messages.fallbackHelp) && !messages.fallbackHelp.includes('{button}')) r.warn(at(path, 'fallbackHelp'), say.missingPlaceholder('{button}'));
}

function checkCrisis(r: Reporter, value: unknown, path: string): void {
  let crisis = value;
  if (isRecord(value) && OLD_CRISIS_FIELDS.some((f) => f in value)) {
    const { region: _region, resources: _resources, ...rest } = value;
    for (const field of OLD_CRISIS_FIELDS) if (field in value) r.error(at(path, field), say.crisisFormatChanged(field));
    crisis = rest;
  }
  const settings = fields(r, crisis, path, CRISIS);
  if (!settings) return;
  const countriesPath = at(path, 'countries');
  const countries = record(r, settings.countries, countriesPath);
  const codes = Object.keys(countries);
  if (isRecord(settings.countries) && codes.length === 0) r.error(countriesPath, say.tooFewItems(0, 1, 'country'));
  for (const code of codes) {
    if (!COUNTRY_CODE.test(code)) r.error(at(countriesPath, code), say.badCountryCode(code));
    checkCountry(r, countries[code], at(countriesPath, code));
  }
  const defaultCountry = settings.defaultCountry;
  if (text(r, defaultCountry, at(path, 'defaultCountry')) && codes.length > 0 && !codes.includes(defaultCountry)) {
    r.error(at(path, 'defaultCountry'), say.unknownDefaultCountry(defaultCountry, codes, closest(defaultCountry, codes)));
  }
}

function checkCountry(r: Reporter, value: unknown, path: string): void {
  const country = fields(r, value, path, COUNTRY);
  if (!country) return;
  text(r, country.name, at(path, 'name'));
  text(r, country.line, at(path, 'line'));

  const resourcesPath = at(path, 'resources');
  const resources = record(r, country.resources, resourcesPath);
  const ids = Object.keys(resources);
  if (isRecord(country.resources) && ids.length === 0) r.error(resourcesPath, say.tooFewItems(0, 1, 'resource'));
  const calls: string[] = [];
  for (const id of ids) {
    const p = at(resourcesPath, id);
    if (!ENTRY_ID.test(id)) r.error(p, say.badResourceId(id));
    if (checkResource(r, resources[id], p) === 'call') calls.push(id);
  }

  checkGuide(r, country.help, at(path, 'help'), ids, calls);
  if (country.kinds === undefined) return;
  const kinds = fields(r, country.kinds, at(path, 'kinds'), KINDS);
  if (!kinds) return;
  for (const kind of CRISIS_KINDS) checkGuide(r, kinds[kind], at(at(path, 'kinds'), kind), ids, calls);
  const missing = CRISIS_KINDS.filter((kind) => kinds[kind] === undefined);
  if (missing.length > 0) r.warn(at(path, 'kinds'), say.missingCrisisKinds(missing));
}

/** Checks one resource; returns its kind when it is valid. */
function checkResource(r: Reporter, value: unknown, path: string): CrisisResource['kind'] | null {
  const resource = fields(r, value, path, RESOURCE);
  if (!resource) return null;
  text(r, resource.label, at(path, 'label'));
  const lang = resource.lang;
  if (text(r, lang, at(path, 'lang')) && !LANGUAGE_TAG.test(lang)) r.error(at(path, 'lang'), say.badLanguageTag(lang));
  const kind = resource.kind;
  if (!oneOf(r, kind, at(path, 'kind'), RESOURCE_KINDS)) return null;
  const needed = kind === 'link' ? 'url' : 'number';
  const target = resource[needed];
  if (target === undefined) r.error(at(path, needed), say.resourceNeeds(kind, needed));
  else if (text(r, target, at(path, needed))) {
    if (needed === 'number' && !PHONE.test(target)) r.error(at(path, needed), say.badPhone(target));
    else if (needed === 'url' && !/^https:\/\/\S+$/.test(target)) r.error(at(path, needed), say.badLink(target));
    else return kind;
  }
  return null;
}

/** The lead and the order of resources for one situation: ids of the country's resources, a phone line among them. */
function checkGuide(r: Reporter, value: unknown, path: string, ids: readonly string[], calls: readonly string[]): void {
  const guide = fields(r, value, path, GUIDE);
  if (!guide) return;
  text(r, guide.lead, at(path, 'lead'));
  const listPath = at(path, 'resources');
  const listed = textList(r, guide.resources, listPath, 1, 'resource');
  listed.forEach((id, i) => {
    if (ids.length > 0 && !ids.includes(id)) r.error(`${listPath}[${i}]`, say.unknownResource(id, closest(id, ids), ids));
  });
  if (listed.length > 0 && ids.length > 0 && !listed.some((id) => calls.includes(id))) r.error(listPath, say.noCallResource(calls));
}

function checkFaq(r: Reporter, value: unknown, path: string): void {
  const entries = list(r, value, path, 1, 'entry');
  const ids = new Map<string, string>();
  const followUps: Array<[id: string, path: string]> = [];
  /** Every phrasing, in comparable form, with where it was first seen. Questions go first, so an alternate repeating another entry's question is the one flagged, wherever the entries stand. */
  const phrasings = new Map<string, { index: number; path: string }>();
  entries.forEach((item, index) => {
    const question = isRecord(item) ? item.question : undefined;
    if (isText(question) && !phrasings.has(comparable(question))) phrasings.set(comparable(question), { index, path: `${path}[${index}].question` });
  });

  entries.forEach((item, index) => {
    const p = `${path}[${index}]`;
    const entry = fields(r, item, p, ENTRY);
    if (!entry) return;
    entryId(r, entry.id, at(p, 'id'), ids);
    text(r, entry.label, at(p, 'label'));
    const answer = entry.answer;
    if (text(r, answer, at(p, 'answer'))) {
      if (answer.length > MAX_ANSWER_LENGTH) r.warn(at(p, 'answer'), say.longAnswer(answer.length, MAX_ANSWER_LENGTH));
      for (const [, href] of answer.matchAll(ANSWER_LINK)) if (!isSafeHref(href!)) r.warn(at(p, 'answer'), say.unsafeAnswerLink(href!));
    }

    let count = 0;
    const phrasing = (raw: unknown, phrasingPath: string) => {
      if (!text(r, raw, phrasingPath)) return;
      count++;
      const key = comparable(raw);
      const first = phrasings.get(key);
      if (!first) phrasings.set(key, { index, path: phrasingPath });
      else if (first.path === phrasingPath) return;
      else if (first.index === index) r.warn(phrasingPath, say.duplicatePhrasing(raw, r.place(first.path)));
      else r.warn(phrasingPath, say.phrasingOfOtherEntry(raw, r.place(first.path)));
    };
    phrasing(entry.question, at(p, 'question'));
    list(r, entry.alternates, at(p, 'alternates'), 0, 'alternate').forEach((a, i) => phrasing(a, `${p}.alternates[${i}]`));
    if (Array.isArray(entry.alternates) && count < MIN_PHRASINGS) r.warn(at(p, 'alternates'), say.fewPhrasings(count));

    textList(r, entry.keywords, at(p, 'keywords'), 0, 'keyword');
    list(r, entry.followUps, at(p, 'followUps'), 0, 'follow-up').forEach((id, i) => {
      if (text(r, id, `${p}.followUps[${i}]`)) followUps.push([id, `${p}.followUps[${i}]`]);
    });
    if (entry.next !== undefined && text(r, entry.next, at(p, 'next'))) followUps.push([entry.next, at(p, 'next')]);
  });

  const known = [...ids.keys()];
  for (const [id, p] of followUps) if (!ids.has(id)) r.error(p, say.brokenFollowUp(id, closest(id, known)));
  if (entries.length > 0) for (const id of REQUIRED_ENTRY_IDS) if (!ids.has(id)) r.error(path, say.missingRequiredEntry(id));
}

function checkFit(r: Reporter, value: unknown, path: string): void {
  const fit = fields(r, value, path, FIT);
  if (!fit) return;
  const questionsPath = at(path, 'questions');
  const ids = new Map<string, string>();
  list(r, fit.questions, questionsPath, 1, 'question').forEach((item, i) => {
    const p = `${questionsPath}[${i}]`;
    const question = fields(r, item, p, FIT_QUESTION);
    if (!question) return;
    entryId(r, question.id, at(p, 'id'), ids);
    text(r, question.text, at(p, 'text'));
    list(r, question.choices, at(p, 'choices'), 2, 'choice').forEach((c, k) => {
      const choice = fields(r, c, `${p}.choices[${k}]`, FIT_CHOICE);
      if (!choice) return;
      text(r, choice.label, `${p}.choices[${k}].label`);
      oneOf(r, choice.value, `${p}.choices[${k}].value`, FIT_VALUES);
      text(r, choice.note, `${p}.choices[${k}].note`);
    });
  });
  text(r, fit.closing, at(path, 'closing'));
  textList(r, fit.followUps, at(path, 'followUps'), 0, 'entry id');
}

function checkSafety(r: Reporter, value: unknown, path: string): void {
  const safety = fields(r, value, path, SAFETY);
  if (!safety) return;
  termFields(r, safety.crisis, at(path, 'crisis'), CRISIS_TERMS, { phrases: 1 });
  termFields(r, safety.eligibility, at(path, 'eligibility'), ELIGIBILITY, {});
  // byKind: { "medical": ["not breathing", …], … }: each key a kind of crisis, each value a list of phrases.
  const crisis = safety.crisis as Record<string, unknown> | undefined;
  // lethality: { "quantity": [...], "outcome": [...], "means": [...] }: three lists, each needed.
  if (crisis?.lethality !== undefined) {
    const lethalityPath = at(at(path, 'crisis'), 'lethality');
    const lethality = fields(r, crisis.lethality, lethalityPath, LETHALITY);
    if (lethality) for (const key of Object.keys(LETHALITY)) textList(r, lethality[key], at(lethalityPath, key), 1, 'phrase');
  }
  if (crisis?.byKind === undefined) return;
  const byKindPath = at(at(path, 'crisis'), 'byKind');
  for (const [kind, phrases] of Object.entries(record(r, crisis.byKind, byKindPath))) {
    if (oneOf(r, kind, at(byKindPath, kind), CRISIS_KINDS)) textList(r, phrases, at(byKindPath, kind), 0, 'phrase');
  }
}

function checkIntents(r: Reporter, value: unknown, path: string): void {
  const intents = fields(r, value, path, INTENTS);
  if (!intents) return;
  for (const key of ['booking', 'outOfScope', 'fitCheck', 'identity'] as const) textList(r, intents[key], at(path, key), 0, 'phrase');
  if (intents.bookingWords !== undefined) textList(r, intents.bookingWords, at(path, 'bookingWords'), 0, 'word');
  if (intents.turns !== undefined) {
    const turns = fields(r, intents.turns, at(path, 'turns'), TURNS);
    if (turns) for (const [key, required] of Object.entries(TURNS)) if (required || turns[key] !== undefined) textList(r, turns[key], at(at(path, 'turns'), key), 1, 'phrase');
  }
  const smalltalk = fields(r, intents.smalltalk, at(path, 'smalltalk'), SMALLTALK);
  if (smalltalk) for (const key of Object.keys(SMALLTALK)) textList(r, smalltalk[key], at(at(path, 'smalltalk'), key), 0, 'word');
}

function checkLanguage(r: Reporter, value: unknown, path: string): void {
  const language = fields(r, value, path, LANGUAGE);
  if (!language) return;
  for (const key of ['replacements', 'synonyms'] as const) {
    for (const [word, value] of Object.entries(record(r, language[key], at(path, key)))) {
      const p = at(at(path, key), word);
      if (word.trim() === '') r.error(p, say.emptyText());
      if (key === 'replacements') text(r, value, p);
      else textList(r, value, p, 1, 'word');
    }
  }
  textList(r, language.stopwords, at(path, 'stopwords'), 0, 'word');
  textList(r, language.knownWords, at(path, 'knownWords'), 0, 'word');
}

// Building blocks: each reports what is wrong at `path` and returns what can still be checked.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** `faq[3]` + `answer` → `faq[3].answer`; keys that are not plain words are quoted: `synonyms["parts work"]`. */
function at(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** Checks an object against its shape: reports missing required fields and unknown ones. */
function fields<T>(r: Reporter, value: unknown, path: string, shape: Shape<T>): Record<string, unknown> | null {
  if (!isRecord(value)) {
    if (value !== undefined) r.error(path, say.wrongType('settings', value));
    return null;
  }
  const known = Object.keys(shape);
  for (const [key, required] of Object.entries(shape)) if (required && value[key] === undefined) r.error(at(path, key), say.missingField(key));
  for (const key of Object.keys(value)) if (!known.includes(key)) r.error(at(path, key), say.unknownField(key, closest(key, known)));
  return value;
}

/** An object whose fields are all text (messages, ui, fit summaries). */
function textFields<T>(r: Reporter, value: unknown, path: string, shape: Shape<T>): Record<string, unknown> | null {
  const object = fields(r, value, path, shape);
  if (object) for (const key of Object.keys(shape)) text(r, object[key], at(path, key));
  return object;
}

/** Safety terms: lists of phrases, with `patterns` compiled as regular expressions. */
function termFields<T>(r: Reporter, value: unknown, path: string, shape: Shape<T>, minItems: Record<string, number>): void {
  const terms = fields(r, value, path, shape);
  if (!terms) return;
  for (const key of Object.keys(shape)) {
    if (key === 'byKind' || key === 'lethality') continue; // maps of lists, checked by their section
    const items = textList(r, terms[key], at(path, key), minItems[key] ?? 0, key === 'patterns' ? 'pattern' : 'phrase');
    if (key === 'patterns') items.forEach((pattern, i) => checkPattern(r, pattern, `${at(path, key)}[${i}]`));
  }
}

function checkPattern(r: Reporter, pattern: unknown, path: string): void {
  if (!isText(pattern)) return;
  try {
    // The same flags as the safety guard, so a pattern valid here is valid there.
    new RegExp(pattern, 'u');
  } catch (error) {
    // "Invalid regular expression: /(abc/u: Unterminated group" → "Unterminated group"
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.slice(message.lastIndexOf(': ') + 2);
    r.error(path, say.badPattern(pattern, reason));
  }
}

// A missing value (undefined) passes silently: `fields` reports it when required, and optional fields may be left out.

function text(r: Reporter, value: unknown, path: string): value is string {
  if (value === undefined) return false;
  if (typeof value !== 'string') r.error(path, say.wrongType('text', value));
  else if (value.trim() === '') r.error(path, say.emptyText());
  else return true;
  return false;
}

function list(r: Reporter, value: unknown, path: string, min: number, item: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    r.error(path, say.wrongType('list', value));
    return [];
  }
  if (value.length < min) r.error(path, say.tooFewItems(value.length, min, item));
  return value;
}

/** A list of text; returns only the valid items. */
function textList(r: Reporter, value: unknown, path: string, min: number, item: string): string[] {
  return list(r, value, path, min, item).filter((v, i): v is string => text(r, v, `${path}[${i}]`));
}

function record(r: Reporter, value: unknown, path: string): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (value !== undefined) r.error(path, say.wrongType('settings', value));
  return {};
}

function oneOf<T extends string>(r: Reporter, value: unknown, path: string, allowed: readonly T[]): value is T {
  if (value === undefined) return false;
  if ((allowed as readonly unknown[]).includes(value)) return true;
  r.error(path, say.notOneOf(value, allowed));
  return false;
}

/** Checks an id's form and that it is not used twice; `seen` maps ids to where they were first used. */
function entryId(r: Reporter, value: unknown, path: string, seen: Map<string, string>): void {
  if (!text(r, value, path)) return;
  if (!ENTRY_ID.test(value)) r.error(path, say.badEntryId(value));
  const first = seen.get(value);
  if (first) r.error(path, say.duplicateId(value, r.place(first.replace(/\.id$/, ''))));
  else seen.set(value, path);
}


/** Phrasings compare without case, punctuation or extra spaces: "Is it safe?" repeats "is it safe". */
function comparable(phrasing: string): string {
  return phrasing.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The known name closest to a misspelt one ("alternate" → "alternates"), or null. */
function closest(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), 2);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
