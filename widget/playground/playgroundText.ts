import type { Route } from '../core';
import type { Problem } from '../core/knowledge/validateKnowledge';

/**
 * Every sentence the playground shows, in one place, written for the practitioner (not a
 * programmer). The browser tests assert against these.
 */
export const playgroundText = {
  editHeading: 'Edit the knowledge',
  viewsLabel: 'What to edit',
  entriesTab: 'Entries',
  practiceTab: 'Practice settings',
  safetyTab: 'Advanced: safety',
  jsonTab: 'Advanced: JSON',
  formUnavailable: 'The JSON text has a mistake, so the form cannot show the knowledge. Fix it in “Advanced: JSON” (the problem is listed under “Problems”), or load a file, or reset.',

  entriesHeading: 'Entries',
  entriesHelp: 'Each entry is one question visitors ask and the practice’s answer. Pick one to edit it, or add a new one.',
  entryListLabel: 'Entries, by question',
  noQuestionYet: '(new entry, no question yet)',
  entryProblems: (errors: number, warnings: number) =>
    [errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings > 0 ? `${warnings} to look at` : ''].filter(Boolean).join(', '),
  addEntry: 'Add an entry',
  entryAdded: 'A new entry was added at the end of the list. Write its question first.',
  editingEntry: (question: string) => `Editing: ${question}`,
  question: 'Question',
  questionHelp: 'The question this entry answers, as a visitor would ask it.',
  answer: 'Answer',
  answerHelp:
    'Write it as you would say it. A blank line starts a new paragraph. **Bold**, *emphasis*, lines starting with “- ” for a list, and links written [text](https://…) are allowed. Straight and curly quotes are both fine here.',
  preview: 'Preview, as visitors see it',
  /** Under a field of the form, instead of the JSON advice "write the text between the quotes". */
  fillIn: 'Fill it in: it cannot be left empty.',
  alternates: 'Other ways of asking (one per line)',
  alternatesHelp: 'The more realistic ways of asking you add, the better the assistant recognises the question. Three or more are recommended.',
  label: 'Button label',
  labelHelp: 'The short text of the button that offers this topic, e.g. “Is it a cure?”.',
  keywords: 'Keywords (one per line)',
  keywordsHelp: 'Optional: single words or short phrases that point to this entry.',
  followUps: 'Follow-ups',
  followUpsHelp: 'Entries offered as buttons after this answer.',
  next: 'Comes next',
  nextHelp: 'Optional: the entry a visitor gets when they ask “and after that?”.',
  noNext: 'Nothing',
  id: 'Id',
  idHelp: 'A short name for the entry: lowercase words joined by hyphens. It follows the question until you change it.',
  idRequired: 'The assistant relies on this entry, so its id cannot change and it cannot be removed. Change its wording instead.',
  moveUp: 'Move up',
  moveDown: 'Move down',
  removeEntry: 'Remove this entry',
  removeConfirm: (question: string) => `Remove the entry “${question}”? Follow-ups that offered it are removed too.`,
  entryRemoved: (question: string) => `The entry “${question}” was removed.`,

  practiceHeading: 'Practice settings',
  practiceHelp: 'Who the practice is, where visitors book, and the first and last words of the chat.',
  practiceName: 'Practice name',
  practitioner: 'Practitioner',
  practitionerHelp: 'Optional: how the practitioner is named in replies.',
  bookingUrl: 'Booking link',
  bookingUrlHelp: 'The address of the scheduling page, starting with https://, or a page of this site starting with /.',
  bookingLabel: 'Booking button',
  contact: 'Contact',
  contactLabel: 'Contact label',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  contactUrl: 'Contact page',
  contactHelp: 'Optional: how visitors reach the practice when the assistant cannot answer. Leave all four empty to show no contact.',
  greeting: 'Greeting',
  greetingHelp: 'The first thing the assistant says.',
  disclaimer: 'Disclaimer',
  disclaimerHelp:
    'Always shown under the chat. It must keep saying that this is an automated assistant, not medical advice, and not for emergencies. The crisis numbers of the country below follow it on their own.',
  country: 'Crisis numbers country',
  countryHelp: 'Whose crisis numbers the assistant shows. To add a country or correct a number, use “Advanced: JSON” (see the guide).',

  safetyHeading: 'Advanced: safety',
  safetyIntro: [
    'Before anything else, every message is checked for two things. Crisis language (wanting to die, self-harm, a medical emergency, violence) gets the emergency numbers at once, never an FAQ answer. A question about whether ketamine is right or safe for this person (medications, conditions, pregnancy, dose) is never answered: the reply says that is decided with the prescribing clinician and offers a consultation.',
    'The words below help recognise them, beside a learned model that reads every message. You can add words, for example a medication your clients mention. You cannot remove the built-in ones: a missing word could let a person in crisis get an FAQ answer, or a medical question get an answer only the clinician can give. If a built-in word causes a wrong reply, tell the developers.',
  ],
  builtInWords: (count: number) => `${count} built-in words`,
  addedWords: (list: string) => `${list}: words you add (one per line)`,
  putBack: 'Put back the built-in words',
  putBackDone: 'The built-in safety words are back.',
  safetyLists: {
    'crisis.phrases': ['Crisis phrases', 'Any one of these is crisis language.'],
    'crisis.signals': ['Quieter signs of crisis', 'Hopelessness, farewells, finality: two of them together count as crisis language.'],
    'crisis.intents': ['Wishes and plans', 'Such as “I want” or “thinking about”: crisis language when one of the harms below follows closely.'],
    'crisis.harms': ['Harms', 'Such as “die” or “end it all”: crisis language right after a wish or plan.'],
    'crisis.exceptions': ['Crisis exceptions', 'Idioms such as “dying to know” that cancel the quieter signs and the wish-and-harm rule, never the crisis phrases.'],
    'crisis.riskWords': ['Risk words', 'Words that can carry risk; alone they decide nothing.'],
    'crisis.pastMarkers': ['Long ago', 'Such as “years ago”: risk words told as history get one line with the crisis resources instead of the crisis reply.'],
    'crisis.presentMarkers': ['Now', 'Such as “again” or “lately”: they bring risk words told as history back to now.'],
    'eligibility.medications': ['Medications', 'Any medication name makes a question a medical one for the clinician.'],
    'eligibility.phrases': ['Medical phrases', 'Conditions, pregnancy, dose…: any one makes a question a medical one.'],
    'eligibility.candidacy': ['Am I a candidate', 'Such as “can I take ketamine”.'],
    'eligibility.contextTerms': ['Medical words', 'Count when the question is about the visitor (“my meds”, “I’m on”).'],
    'eligibility.personalCues': ['Personal cues', 'Such as “I’m on” or “can I”: make a medical word the visitor’s own.'],
    'eligibility.exceptions': ['Medical exceptions', 'Phrases that cancel the medical-words rule, such as “antidepressants haven’t worked”.'],
  } as Readonly<Record<string, readonly [string, string]>>,

  editorHeading: 'Advanced: JSON',
  editorLabel: 'Knowledge (JSON)',
  editorHelp:
    'Everything the assistant knows, as one JSON text: what the form edits, and more (every label of the chat window, the crisis numbers of each country, the words of the conversation). Problems are listed below as you type.',
  showInForm: 'Show in the form',

  loadFile: 'Load a file…',
  loadFileHelp:
    'A file with only some sections (for example only "faq") is merged over the built-in knowledge, as the widget does with a published file; the editor then shows the complete result.',
  reset: 'Reset to the built-in knowledge',
  resetConfirm: 'Replace everything in the editor with the built-in knowledge? Your changes are lost unless you exported them.',
  resetDone: 'The editor shows the built-in knowledge again.',
  publishHeading: 'Publish',
  publishHelp:
    'Export saves the knowledge as knowledge.json, ready to publish as the guide explains. Read what changed first: it is the list a colleague would check.',
  changesHeading: 'What changed compared to the built-in knowledge',
  noChanges: 'Nothing yet: this is the built-in knowledge.',
  changesUnavailable: 'The JSON text has a mistake, so the changes cannot be listed until it is fixed.',
  exportSummary: 'Save the summary',
  summaryTitle: 'What changed compared to the built-in knowledge',
  summarySaved: 'Saved as what-changed.txt in your downloads.',
  exportJson: 'Export knowledge.json',
  exported: 'Saved as knowledge.json in your downloads.',
  exportedWithErrors: 'Saved as knowledge.json in your downloads, with errors: the widget will not use this file until they are fixed.',
  loaded: (name: string) => `Loaded “${name}”.`,
  loadedPartial: (name: string, sections: string[]) =>
    `“${name}” has only some sections (${sections.join(', ')}); they were merged over the built-in knowledge, and the editor now shows the complete result.`,
  loadedEmpty: (name: string) => `“${name}” holds none of the knowledge's sections, so the editor shows the built-in knowledge.`,
  loadFailed: (name: string) => `“${name}” could not be read. Is it a text file?`,

  problemsHeading: 'Problems',
  checking: 'Checking…',
  noProblems: 'No problems found. “Try it” uses this knowledge.',
  onlyWarnings: (count: number) => `No errors: “Try it” uses this knowledge. ${count === 1 ? 'One thing is' : `${count} things are`} worth a look:`,
  errors: (count: number) =>
    `${count === 1 ? 'One error' : `${count} errors`}. Until ${count === 1 ? 'it is' : 'they are'} fixed, “Try it” keeps using the last knowledge that had no errors.`,
  error: 'Error',
  warning: 'Worth a look',
  showInEditor: 'Show in the editor',

  checkHeading: 'Check every phrasing',
  checkHelp:
    'Asks every question and alternate phrasing, as a visitor would, and lists those that do not come back to their own entry.',
  checkButton: 'Check every phrasing',
  checkRunning: 'Asking every phrasing…',
  checkUsesLastValid: 'The editor has errors, so this checks the last knowledge that had none.',
  checkAllGood: (count: number) => `All ${count} phrasings land on their own entry.`,
  checkFound: (count: number, total: number) =>
    `${count === 1 ? 'One finding' : `${count} findings`} among ${total} phrasings:`,
  checkStale: 'The knowledge has changed since this check: check again to see the current result.',

  testerHeading: 'Try it',
  testerHelp:
    'Ask a question as a visitor would. Replies come from the knowledge on the left as soon as it has no errors. Under each reply, a line says how the assistant chose it.',
  transcriptLabel: 'Test conversation',
  inputLabel: 'Your question',
  ask: 'Ask',
  startOver: 'Start over',
  knowledgeChanged: 'The knowledge changed here: replies from now on use your latest version.',
} as const;

/** What each route means, in plain words, for the line under a reply. */
export const routeMeaning: Readonly<Record<Route, string>> = Object.freeze({
  answer: 'answered from an entry',
  clarify: 'asked which topic was meant',
  eligibility: 'a personal medical question: referred to the prescribing clinician',
  crisis: 'crisis language: help resources shown first',
  booking: 'asked to book or get in touch',
  fallback: 'no entry matched',
  smalltalk: 'small talk',
  'fit-check': 'the fit reflection',
  support: 'distress without danger: a warm reply, the crisis line and the consultation',
});

/**
 * One problem as one line: "Entry is-it-a-cure (Is ketamine a cure?), answer — should be text….
 * Fix: …", or "Line 3, column 5 — …" for a JSON syntax error.
 */
export function problemLine(problem: Problem): string {
  const place = problem.place || problem.path;
  const where =
    problem.line !== undefined ? `Line ${problem.line}, column ${problem.column ?? 1}` : place ? place[0]!.toUpperCase() + place.slice(1) : 'The whole text';
  return `${where} — ${problem.message}. Fix: ${problem.fix}`;
}
