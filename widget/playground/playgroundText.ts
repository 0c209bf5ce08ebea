import type { Route } from '../core';
import type { Problem } from '../core/knowledge/validateKnowledge';

/**
 * Every sentence the playground shows, in one place, written for the practitioner (not a
 * programmer). The browser tests assert against these.
 */
export const playgroundText = {
  editorHeading: 'Edit the knowledge',
  editorLabel: 'Knowledge (JSON)',
  editorHelp:
    'Everything the assistant knows, as one JSON text. Change answers, questions and alternate phrasings here; problems are listed below as you type.',
  loadFile: 'Load a file…',
  loadFileHelp:
    'A file with only some sections (for example only "faq") is merged over the built-in knowledge, as the widget does with a published file; the editor then shows the complete result.',
  reset: 'Reset to the built-in knowledge',
  resetConfirm: 'Replace everything in the editor with the built-in knowledge? Your changes are lost unless you exported them.',
  resetDone: 'The editor shows the built-in knowledge again.',
  exportJson: 'Export JSON',
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
