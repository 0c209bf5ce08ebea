/** The custom element the widget lives in; its shadow root keeps the page's CSS out. */
export const HOST_TAG = 'kap-chat-widget';

export interface Host {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Where Preact renders. */
  root: HTMLElement;
  /** Removes the element and everything in it. */
  remove(): void;
}

/**
 * Appends `<kap-chat-widget>` to the body with an open shadow root, the styles and the theme
 * (`attach` false: the caller appends it once it has drawn into it, one insertion into the page).
 * Styles go in a constructable stylesheet: a `<style>` element is blocked by `style-src 'self'`.
 * Browsers without constructable stylesheets get the `<style>` element instead.
 */
export function createHost(doc: Document, css: string, theme: Record<string, string>, attach = true): Host {
  const element = doc.createElement(HOST_TAG);
  setProperties(element, theme);
  const shadow = element.attachShadow({ mode: 'open' });
  const root = doc.createElement('div');
  shadow.append(root);
  const host = { element, shadow, root, remove: () => element.remove() };
  addStyles(host, css);
  if (attach) doc.body.append(element);
  return host;
}

/** Sets custom properties on the host element (`host.style.setProperty`: allowed by a strict `style-src`). */
export function setProperties(element: HTMLElement, properties: Record<string, string>): void {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
}

/**
 * Adds CSS after the host's first styles: the loader's shell adds its own to the launcher's, and the
 * app, taking over, puts the shell's and the panel's in their place (`replace`). Browsers without
 * constructable stylesheets get a `<style>` element before the root instead. `prepared`: the same
 * CSS already parsed into a sheet (see `prepareApp`).
 */
export function addStyles({ shadow, root }: Host, css: string, replace = false, prepared?: CSSStyleSheet): void {
  try {
    const sheet = prepared ?? new CSSStyleSheet();
    if (!prepared) sheet.replaceSync(css);
    const kept = replace ? shadow.adoptedStyleSheets.slice(0, 1) : shadow.adoptedStyleSheets;
    shadow.adoptedStyleSheets = [...kept, sheet];
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.before(style);
  }
}
