/**
 * The loader and the files it fetches meet on the `<script>` element that brings each file: the
 * loader puts a callback on it, and the file, while it runs, hands its exports to
 * `document.currentScript`'s callback. No second global, nothing for the page to see.
 */
const HAND_OVER = 'kapChatHandOver';

type HandOverScript = HTMLScriptElement & { [HAND_OVER]?: (exports: unknown) => void };

/** How long the loader waits for a file before it gives up and the shell offers its links. */
export const LOAD_TIMEOUT_MS = 15_000;

/** Called by a fetched file's entry with what it offers the loader. */
export function handOver(exports: unknown): void {
  (document.currentScript as HandOverScript | null)?.[HAND_OVER]?.(exports);
}

export interface ScriptLoad<T> {
  promise: Promise<T>;
  /** Stops waiting and removes the element; the promise then never settles. */
  cancel(): void;
}

/**
 * Adds a classic `<script>` for `url` (no CORS needed, so a CDN without CORS headers works) and
 * resolves with what the file hands over. Rejects with a reason for the console on a 404, a
 * blocked or offline request, a file that hands nothing over, or after `timeoutMs`.
 */
export function loadScript<T>(doc: Document, url: string, timeoutMs = LOAD_TIMEOUT_MS): ScriptLoad<T> {
  const script = doc.createElement('script') as HandOverScript;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: ((run: () => void) => void) | undefined;
  const cleanUp = () => {
    clearTimeout(timer);
    delete script[HAND_OVER];
    script.onload = script.onerror = null;
    script.remove();
  };
  const promise = new Promise<T>((resolve, reject) => {
    let handed = false;
    let value: T;
    settle = (run) => {
      settle = undefined;
      cleanUp();
      run();
    };
    script[HAND_OVER] = (exports) => {
      handed = true;
      value = exports as T;
    };
    script.onload = () => settle?.(() => (handed ? resolve(value) : reject(new Error('the file ran but is not a KapChat file (was it renamed or replaced?)'))));
    script.onerror = () => settle?.(() => reject(new Error('the file could not be fetched (not found, offline, or blocked by the browser or the Content-Security-Policy)')));
    timer = setTimeout(() => settle?.(() => reject(new Error(`no answer within ${timeoutMs / 1000} seconds`))), timeoutMs);
  });
  script.src = url;
  script.async = true;
  (doc.head ?? doc.documentElement).append(script);
  return {
    promise,
    cancel() {
      settle = undefined;
      cleanUp();
    },
  };
}
