/**
 * Every text the knowledge checks show, in one place: tests assert against these builders, and the
 * wording can be reviewed without reading the checks. Each builder returns what is wrong
 * (`message`, no final full stop) and what to do about it (`fix`, plain sentences), written for the
 * practitioner who edits the JSON files, not for a programmer.
 */

import type { Route } from '../types';

export interface ProblemText {
  message: string;
  fix: string;
}

/** Lines logged in the browser console start with this; command-line output does not. */
export const LOG_PREFIX = 'KapChat knowledge:';

export type ExpectedType = 'text' | 'list' | 'settings';

const EXPECTED: Record<ExpectedType, string> = {
  text: 'text in double quotes',
  list: 'a list in square brackets [ … ]',
  settings: 'a group of settings in curly braces { … }',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list [ … ]';
  if (typeof value === 'string') return value.trim() ? 'text' : 'empty text';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the word ${value}`;
  return 'a group of settings { … }';
}

const quote = (value: unknown) => JSON.stringify(value);
const didYouMean = (suggestion: string | null) => (suggestion ? `Did you mean "${suggestion}"? ` : '');
const orList = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

export function wrongType(expected: ExpectedType, actual: unknown): ProblemText {
  const message = `should be ${EXPECTED[expected]}, but is ${describe(actual)}`;
  if (expected === 'text') {
    const example = typeof actual === 'number' || typeof actual === 'boolean' ? quote(String(actual)) : '"…"';
    return { message, fix: `Write the value between double quotes, e.g. ${example}.` };
  }
  if (expected === 'list') {
    const example = typeof actual === 'string' ? `[${quote(actual)}]` : '["first", "second"]';
    return { message, fix: `Write the items between square brackets, separated by commas, e.g. ${example}.` };
  }
  return { message, fix: 'Write the settings between curly braces, e.g. { "label": "…" }. Compare with the default knowledge files.' };
}

export const emptyText = (): ProblemText => ({
  message: 'is empty',
  fix: 'Write the text between the quotes, or remove the line if the field is optional.',
});

export const missingField = (name: string): ProblemText => ({
  message: `"${name}" is missing`,
  fix: `Add "${name}" here; the default knowledge files show an example.`,
});

export const unknownField = (name: string, suggestion: string | null): ProblemText => ({
  message: `"${name}" is not a known field here`,
  fix: `${didYouMean(suggestion)}Rename it to a known field, or remove it: it would be ignored.`,
});

const plural = (count: number, word: string) => (count === 1 ? word : word.replace(/y$/, 'ie') + 's');

export const tooFewItems = (count: number, min: number, item: string): ProblemText => ({
  message: `has ${count} ${plural(count, item)}; at least ${min} ${min === 1 ? 'is' : 'are'} needed`,
  fix: min === 1 ? `Add at least one ${item} to the list.` : `Add ${plural(2, item)} until there are at least ${min}.`,
});

export const notOneOf = (value: unknown, allowed: readonly string[]): ProblemText => ({
  message: `${quote(value)} is not one of ${orList(allowed)}`,
  fix: `Use exactly one of ${orList(allowed)}, in lowercase.`,
});

export const fileNotObject = (): ProblemText => ({
  message: 'the file should hold one group of settings in curly braces { … }',
  fix: 'Start the file with { and end it with }, with the sections inside, e.g. { "faq": [ … ] }.',
});

export const unknownSection = (name: string, suggestion: string | null, known: readonly string[]): ProblemText => ({
  message: `"${name}" is not a knowledge section`,
  fix: `${didYouMean(suggestion)}The sections are ${orList(known)}. Rename it, or remove it.`,
});

export const missingSection = (name: string, usualFile: string): ProblemText => ({
  message: `no knowledge file defines the "${name}" section`,
  fix: `Add a "${name}" section to one of the knowledge files (usually ${usualFile}), or restore that file.`,
});

export const sectionTwice = (name: string, firstFile: string | undefined): ProblemText => ({
  message: `the "${name}" section is also defined in ${firstFile ?? 'another file'}`,
  fix: `Keep one "${name}" section and delete the other: each section may appear in only one file.`,
});

export const badEntryId = (id: string): ProblemText => ({
  message: `${quote(id)} is not a valid id`,
  fix: 'Use lowercase letters and digits, words joined by single hyphens, e.g. "is-it-safe".',
});

export const duplicateId = (id: string, firstPlace: string): ProblemText => ({
  message: `the id "${id}" is already used by ${firstPlace}`,
  fix: 'Give each entry its own id. If both entries answer the same question, merge them.',
});

export const brokenFollowUp = (id: string, suggestion: string | null): ProblemText => ({
  message: `the follow-up "${id}" is not the id of any entry`,
  fix: `${didYouMean(suggestion)}Use the id of an existing entry, or remove this follow-up.`,
});

export const missingRequiredEntry = (id: string): ProblemText => ({
  message: `the entry "${id}" is missing`,
  fix: `The widget relies on an entry with the id "${id}". Add it back (or undo its renaming); change its wording, not its id.`,
});

export const noCallResource = (callIds: readonly string[]): ProblemText => ({
  message: 'none of these resources is a phone line visitors can call ("kind": "call")',
  fix:
    callIds.length > 0
      ? `Put at least one of the country's phone lines in the list, e.g. ${orList(callIds.slice(0, 2))}.`
      : 'Add a phone line to the country\'s "resources", e.g. "emergency": { "kind": "call", "label": "Call 911", "number": "911" }, and put its id in this list.',
});

export const resourceNeeds = (kind: string, field: 'number' | 'url'): ProblemText => ({
  message: `a "${kind}" resource needs a "${field}"`,
  fix: field === 'number' ? 'Add the number to call or text, e.g. "number": "988".' : 'Add the web address, e.g. "url": "https://988lifeline.org".',
});

export const crisisFormatChanged = (field: string): ProblemText => ({
  message: `"${field}" belongs to the old form of the crisis section, which had one list of resources`,
  fix: 'The crisis section now holds countries: "defaultCountry": "US" and "countries": { "US": { "name", "line", "resources", "help", "kinds" } }. To change one number, give only that resource, e.g. { "crisis": { "countries": { "US": { "resources": { "emergency": { "number": "911" } } } } } }. See docs/knowledge.md, step 5.',
});

export const badCountryCode = (code: string): ProblemText => ({
  message: `${quote(code)} is not a country code`,
  fix: 'Use two capital letters, e.g. "US", "GB", "NZ" (or "EU" for the European Union).',
});

export const unknownDefaultCountry = (code: string, known: readonly string[], suggestion: string | null): ProblemText => ({
  message: `the default country ${quote(code)} is not one of the countries below`,
  fix: `${didYouMean(suggestion)}Use one of ${orList(known)}, or add "${code}" to "countries".`,
});

export const badResourceId = (id: string): ProblemText => ({
  message: `${quote(id)} is not a valid resource id`,
  fix: 'Use lowercase letters and digits, words joined by single hyphens, e.g. "poison-control".',
});

export const unknownResource = (id: string, suggestion: string | null, known: readonly string[]): ProblemText => ({
  message: `"${id}" is not one of this country's resources`,
  fix: `${didYouMean(suggestion)}Use the id of one of its resources (${orList(known)}), or add "${id}" to its "resources".`,
});

export const badLanguageTag = (lang: string): ProblemText => ({
  message: `${quote(lang)} is not a language tag`,
  fix: 'Use a language code such as "es" or "fr-CA", or remove "lang" when the label is in the knowledge\'s own language.',
});

export const badAvatar = (avatar: string): ProblemText => ({
  message: `${quote(avatar)} is neither a monogram of 1 to 3 characters nor the address of an image`,
  fix: 'Use a few letters without spaces, e.g. "ET", or an image address starting with https:// or with / for an image on this site, e.g. "/images/practice.png".',
});

export const badBookingUrl = (url: string): ProblemText => ({
  message: `the booking link ${quote(url)} does not start with https:// or /`,
  fix: 'Use the full address of the booking page, starting with https://, or a page of this site starting with /.',
});

export const badLink = (url: string): ProblemText => ({
  message: `the link ${quote(url)} is not a secure web address`,
  fix: 'Use a full address starting with https://.',
});

export const badEmail = (email: string): ProblemText => ({
  message: `${quote(email)} is not an email address`,
  fix: 'Write the address only, e.g. "hello@your-practice.com", without "mailto:" or spaces.',
});

export const badPhone = (phone: string): ProblemText => ({
  message: `${quote(phone)} is not a phone number`,
  fix: 'Use digits, optionally starting with + and grouped with spaces, dashes or brackets, e.g. "+1 555 123 4567".',
});

export const badPattern = (pattern: string, reason: string): ProblemText => ({
  message: `the pattern ${quote(pattern)} is not a valid regular expression (${reason})`,
  fix: 'Correct the pattern, or remove it: until then it is ignored, and the questions it should catch are not caught. In JSON, write each backslash twice (\\\\b).',
});

export const missingPlaceholder = (placeholder: string): ProblemText => ({
  message: `does not contain ${placeholder}`,
  fix: `Put ${placeholder} where the number should appear; the widget replaces it.`,
});

// Warnings

export const fewPhrasings = (count: number): ProblemText => ({
  message: `has only ${count} ${count === 1 ? 'phrasing' : 'phrasings'} (question and alternates); 3 or more are recommended`,
  fix: 'Add alternates: other ways a visitor might ask the same thing, in their own words.',
});

export const longAnswer = (length: number, max: number): ProblemText => ({
  message: `the answer is ${length} characters long; more than ${max} is hard to read in a chat bubble`,
  fix: 'Shorten it, or move part of it into a separate entry offered as a follow-up.',
});

export const missingCrisisKinds = (kinds: readonly string[]): ProblemText => ({
  message: `has no order of resources for ${kinds.map((k) => `"${k}"`).join(', ')}`,
  fix: `The "help" list is shown for ${kinds.length === 1 ? 'it' : 'them'}. If another resource should come first, e.g. the emergency number for "medical", add { "lead": "…", "resources": ["…"] } under "kinds".`,
});

export const unsafeAnswerLink = (href: string): ProblemText => ({
  message: `the link ${quote(href)} will show as plain text, not as a link`,
  fix: 'Links in answers must start with https:, mailto: or tel:, e.g. [our website](https://your-practice.com).',
});

export const placeholderBookingUrl = (url: string): ProblemText => ({
  message: `the booking link ${quote(url)} is still the example address`,
  fix: "Replace it with the address of the practice's booking page.",
});

export const placeholderEmail = (email: string): ProblemText => ({
  message: `the contact email ${quote(email)} is still the example address`,
  fix: "Replace it with the practice's email address, or remove the line.",
});

export const duplicatePhrasing = (phrasing: string, firstPlace: string): ProblemText => ({
  message: `${quote(phrasing)} says the same as ${firstPlace}`,
  fix: 'Remove the repeat, or reword it: the same words twice do not help matching.',
});

export const phrasingOfOtherEntry = (phrasing: string, otherPlace: string): ProblemText => ({
  message: `${quote(phrasing)} is the same as ${otherPlace}`,
  fix: 'Keep it in one entry only: a visitor asking it can get only one answer.',
});

export const phrasingLandsElsewhere = (phrasing: string, otherId: string): ProblemText => ({
  message: `${quote(phrasing)} is answered by "${otherId}" instead of this entry`,
  fix: `Reword it so it is clearly about this entry, add keywords to this entry, or move it to "${otherId}" if it belongs there.`,
});

export const phrasingClarifies = (phrasing: string, options: readonly string[]): ProblemText => ({
  message: `${quote(phrasing)} makes the assistant ask which was meant: ${orList(options)}`,
  fix: 'Reword it, or add keywords to this entry, so it matches this entry more clearly than the others.',
});

const ROUTE_NAMES: Partial<Record<Route, string>> = {
  eligibility: 'medical-eligibility',
  crisis: 'crisis',
  booking: 'booking',
  smalltalk: 'small-talk',
  'fit-check': 'fit-reflection',
};
const routeName = (route: Route) => ROUTE_NAMES[route] ?? route;
const because = (trigger: string | undefined) => (trigger ? ` (triggered by ${quote(trigger)})` : '');

export const phrasingFallsBack = (phrasing: string, trigger: string | undefined): ProblemText =>
  trigger
    ? {
        message: `${quote(phrasing)} is read as a topic the knowledge does not cover${because(trigger)}, so it never reaches this entry`,
        fix: 'Reword it without that word, or remove the word from intents.outOfScope if the knowledge now covers it.',
      }
    : {
        message: `${quote(phrasing)} finds no answer`,
        fix: "Add keywords to this entry that share this phrasing's words, or reword it.",
      };

export const phrasingSafetyRoute = (phrasing: string, route: Route, trigger: string | undefined): ProblemText => ({
  message: `${quote(phrasing)} gets the ${routeName(route)} reply${because(trigger)}: safety replies take precedence, so it never reaches this entry`,
  fix: 'Reword or remove it. If the safety reply is right for it, it does not belong in this entry.',
});

export const phrasingOtherRoute = (phrasing: string, route: Route, trigger: string | undefined): ProblemText => ({
  message: `${quote(phrasing)} gets the ${routeName(route)} reply${because(trigger)} instead of this entry`,
  fix: `Reword it, or remove it if the ${routeName(route)} reply is what a visitor asking it needs.`,
});

export const nearDuplicateEntries = (id: string, otherId: string): ProblemText => ({
  message: `the questions of "${id}" and "${otherId}" are so alike that the assistant cannot tell them apart`,
  fix: 'Merge the two entries, or reword their questions and keywords so each says what sets it apart.',
});

// Reading files and the command line

export const folderNotFound = (dir: string): ProblemText => ({
  message: `the folder ${quote(dir)} does not exist or cannot be read`,
  fix: 'Check the folder name, e.g. npm run knowledge:check knowledge/.',
});

export const noJsonFiles = (dir: string): ProblemText => ({
  message: `the folder ${quote(dir)} has no .json files`,
  fix: 'Point the check at the folder that holds practice.json, faq.json and the other knowledge files.',
});

export const unreadableFile = (reason: string): ProblemText => ({
  message: `the file cannot be read (${reason})`,
  fix: 'Check that the file exists and that you may open it.',
});

export const emptyFile = (): ProblemText => ({
  message: 'the file is empty',
  fix: 'Restore its content, e.g. from the default knowledge files, or delete the file.',
});

export type JsonSyntaxKind =
  | 'trailing-comma'
  | 'missing-comma'
  | 'missing-colon'
  | 'unquoted-text'
  | 'curly-quote'
  | 'quote-in-text'
  | 'unclosed-text'
  | 'bad-escape'
  | 'bad-value'
  | 'unexpected-end'
  | 'extra-content';

const JSON_SYNTAX: Record<JsonSyntaxKind, ProblemText> = {
  'trailing-comma': {
    message: 'there is a comma after the last item',
    fix: 'Remove this comma: the last item of a list or group takes no comma after it.',
  },
  'missing-comma': {
    message: 'a comma is missing, or a bracket is not closed',
    fix: 'Put a comma between two items (at the end of the line before this point), or close the list with ] or the group with }.',
  },
  'missing-colon': {
    message: 'a colon is missing after a name',
    fix: 'Write a colon between a name and its value, e.g. "label": "…".',
  },
  'unquoted-text': {
    message: 'some text is not between double quotes',
    fix: 'Put double quotes around every name and every text, e.g. "label": "…".',
  },
  'curly-quote': {
    message: 'a curly quote (“ or ”) is used where JSON needs a straight one',
    fix: 'Replace it with a straight double quote ("). Word processors change quotes as you type; a plain text editor does not.',
  },
  'quote-in-text': {
    message: 'a straight double quote (") inside a text ends the text early',
    fix: 'Inside a text, write a straight double quote as \\" (a backslash, then the quote), or use curly quotes “ ” instead. The playground\'s form does this for you.',
  },
  'unclosed-text': {
    message: 'a text has no closing quote before the end of its line',
    fix: 'Add the closing double quote. To start a new line inside a text, write \\n instead of pressing Enter. To use a double quote inside a text, write \\".',
  },
  'bad-escape': {
    message: 'a backslash (\\) is followed by a character JSON does not allow there',
    fix: 'Write a backslash as two backslashes (\\\\). Inside a text, \\n starts a new line and \\" is a double quote.',
  },
  'bad-value': {
    message: 'this is not a valid value',
    fix: 'A value is text in double quotes, a number, true, false, null, a list [ … ] or a group { … }.',
  },
  'unexpected-end': {
    message: 'the file ends before every list, group or text is closed',
    fix: 'Add the missing ], } or closing quote, or restore the end of the file.',
  },
  'extra-content': {
    message: 'there is more after the end of the data',
    fix: 'Everything must be inside the outermost { … }. Remove what comes after the last }, or move it inside.',
  },
};

export const invalidJson = (kind: JsonSyntaxKind): ProblemText => {
  const { message, fix } = JSON_SYNTAX[kind];
  return { message: `the file is not valid JSON: ${message}`, fix };
};

/** When the exact place of a JSON error cannot be found, the parser's own words are all there is. */
export const invalidJsonDetail = (detail: string): ProblemText => ({
  message: `the file is not valid JSON (${detail})`,
  fix: 'Check the commas, quotes and brackets, or open the file in an editor that highlights JSON errors.',
});

// Editing the safety words

export const safetyWordsRemoved = (words: readonly string[]): ProblemText => ({
  message: `${words.length === 1 ? 'a built-in safety word was' : `${words.length} built-in safety words were`} removed: ${words.slice(0, 5).map((w) => quote(w)).join(', ')}${words.length > 5 ? '…' : ''}`,
  fix: 'Put them back. Safety words can be extended, never removed: they keep a person in crisis from getting an FAQ answer, and a medical question from getting an answer only the prescribing clinician can give.',
});
