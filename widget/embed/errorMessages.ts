/**
 * Every message the embedded script writes to the console, in one place, so tests can assert on
 * them. Each starts with "KapChat:" and says what to do; nothing is ever thrown into the host page.
 */
export const PREFIX = 'KapChat:';

/** About the script tag's `data-` attributes: written by the app, which reads the tag again (see `readConfig`). */
export const configMessages = {
  badAttribute: (attribute: string, value: string, expected: string, fallback: string) =>
    `data-${attribute}="${value}" is not ${expected}; using ${fallback}. Fix the attribute on the script tag.`,
  /** `data-country` with a well-formed code the knowledge has no preset for. */
  unknownCountry: (value: string, known: readonly string[], fallback: string) =>
    configMessages.badAttribute('country', value, `a country of the knowledge (${known.join(', ')})`, `the knowledge's default, ${fallback}`),
} as const;

export const errorMessages = {
  unknownCommand: (name: unknown) =>
    `unknown command ${JSON.stringify(String(name))} skipped. Commands are open, close, toggle, ask, destroy and on.`,
  unknownEvent: (name: unknown) =>
    `unknown event ${JSON.stringify(String(name))}; events are open, close, question, booking-click and crisis-shown.`,
  notAFunction: (event: string) => `on("${event}", handler) needs a function as handler; nothing was subscribed.`,
  alreadyLoaded: 'the widget is already on this page; the second script tag is ignored. Embed kap-chat.js once.',
  failed: 'something went wrong and was ignored:',
  /** The rest of the widget (kap-chat-app.js) did not arrive; the panel offers booking, contact and crisis links. */
  restFailed: (url: string, reason: string) =>
    `could not load ${url}: ${reason}. The chat shows the booking link, the contact and the crisis resources instead. Upload every file of dist/ next to kap-chat.js.`,
} as const;

/** Why a knowledge URL was not used; logged once as `knowledgeMessages.fallback(url, reason)`. */
export const knowledgeMessages = {
  /** kap-chat-validator.js did not arrive (written by the app, which receives the loader's attempt). */
  validatorFailed: (url: string, reason: string) =>
    `could not load ${url}, needed for data-knowledge-url: ${reason}. The widget keeps its built-in knowledge. Upload every file of dist/ next to kap-chat.js.`,
  fallback: (url: string, reason: string) => `could not use the knowledge at ${url}: ${reason}. The widget keeps using its built-in knowledge.`,
  timeout: (ms: number) => `no answer within ${ms / 1000} seconds (check the address and that the server is up)`,
  network: (detail: string) => `the file could not be fetched (${detail}); check the address, and that the server allows this site (CORS, connect-src)`,
  status: (status: number) => `the server answered ${status}${status === 404 ? ' (not found: check the address)' : ''}`,
  invalidJson: (detail: string) => `the file is not valid JSON (${detail}); open it in the playground (Load a file…) or run npm run knowledge:check on it to see where and how to fix it`,
  invalid: (problem: string) => `the knowledge has errors; first problem: ${problem}`,
} as const;

export function warn(message: string): void {
  console.warn(`${PREFIX} ${message}`);
}

/** Logs an unexpected error without rethrowing it: the host page must keep working. */
export function logError(error: unknown): void {
  console.error(`${PREFIX} ${errorMessages.failed}`, error);
}

/** Wraps an entry point (API method, event handler) so it can never throw into the page. */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      logError(error);
      return undefined;
    }
  };
}
