/**
 * When the panel fills the screen: a narrow viewport, or a short one (a laptop at 200% zoom, a phone
 * held sideways), where a floating panel would leave the messages a sliver. In `em`, so a larger
 * default text size reaches it sooner. The stylesheet and the UI (focus trap) read the same query.
 */
export const FULL_SCREEN_QUERY = '(max-width:40em),(max-height:44em)';
/**
 * A short panel, floating or full screen: the header drops its subtitle and, where the panel is wide
 * enough for the title beside "Need help now?", shrinks to one line, so the messages keep half the
 * height. A container query on the panel itself, so it also holds when a phone's keyboard takes
 * half the screen (the full-screen panel follows the visual viewport) and on a laptop whose floating
 * panel is shorter than its screen.
 */
export const SHORT_PANEL_QUERY = '(max-height:50em)';

/**
 * The widget's CSS, adopted by its shadow root. Host pages cannot select inside the shadow root,
 * but inherited properties and custom properties still cross it, so:
 * - `:host` resets the host element itself (the page's `* {…!important}` rules hit it);
 * - `.k` sets every inherited text property explicitly; nothing relies on inheritance from the page;
 * - only `--kap-*` custom properties are read from outside (pages set `--primary` and friends on `:root`);
 *   the widget's own palette is `--k-*`, set on `.k`;
 * - sizes are in `em` of `font-size:medium`, the visitor's default text size in the browser: a
 *   visitor who enlarges it gets a larger widget, and a page's root font size (`rem`) changes nothing.
 * Theme values (`--kap-accent`, `--kap-on-accent`, `--kap-ink`, `--kap-ink-dark`, `--kap-z`,
 * `--kap-left`, `--kap-right`, `--kap-font`) are set on the host element by the embed; these are the
 * defaults, for the default accent.
 *
 * Room: the message area keeps half the viewport's height in every layout and state (WCAG 1.4.10).
 * It is the panel's one growing part, from a basis of `50vh` (the floating panel is 50vh + 24em at
 * most), and does not shrink below that where the rest still fits in what is left: 12em beside a
 * one-line header, 18em under a two-row one (a panel narrower than 32em). Where the rest does not
 * fit beside that half, the question field's row and an open disclaimer give way (their shrink
 * factor dwarfs the messages'), down to one line each: the field grows to five lines where there is
 * room, fewer where there is not, and then scrolls. Only a panel too short even for that (a phone
 * with its keyboard up) takes the room from the messages, so the question field always stays
 * whole. The form is `display:contents`, so its row, its notes (which never shrink) and the
 * disclaimer are the panel's own flex items. The clear question covers the header in the same grid
 * cell, never the messages.
 *
 * Colours: every text colour is a palette variable, light on `.k` and dark on `.k[data-theme=dark]`;
 * a rule that sets a text colour either sets its background too, or its colour reads on every
 * surface (`--k-*bg`) of the palette. test/ui/styles.test.ts holds the stylesheet to that, in both themes.
 *
 * Three parts, one stylesheet when read in order: `launcherStyles`, which the loader (kap-chat.js)
 * adopts to draw the launcher; `shellStyles`, which it adds when it first opens the panel shell
 * before the rest has arrived (frame, header, layouts, cards, disclaimer, dark palette); and
 * `panelStyles`, which the app adds (with the shell's) when it takes over. Each part ends with its
 * own forced-colours frames, so they come after the rules they override.
 */
export const launcherStyles = `:host{all:initial!important;--kap-accent:#2f6f5e;--kap-on-accent:#ffffff;--kap-ink:#2f6f5e;--kap-ink-dark:#6d9a8e;--kap-z:2147483647;--kap-left:auto;--kap-right:max(1.25em,env(safe-area-inset-right));--kap-font:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
*,::before,::after{box-sizing:border-box}
.k{--k-bg:#ffffff;--k-bubble-bg:#f3f4f6;--k-crisis-bg:#fef3f2;--k-text:#1f2328;--k-muted:#57606a;--k-line:#6e7781;--k-rule:#d0d7de;--k-crisis-ink:#912018;--k-crisis-line:#b42318;--k-ink:var(--kap-ink);font-family:var(--kap-font);font-size:medium;font-weight:400;font-style:normal;line-height:1.5;letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:start;text-indent:0;text-shadow:none;white-space:normal;color:var(--k-text);color-scheme:light;-webkit-text-size-adjust:100%}
p,h2,ul{margin:0}
button,textarea{font:inherit;letter-spacing:inherit;color:inherit;margin:0}
button,summary{cursor:pointer}
svg{width:1.5em;height:1.5em;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
:focus-visible{outline:.1875em solid var(--k-ink);outline-offset:.125em}
.k-head :focus-visible,.k-confirm :focus-visible,.k-launch:focus-visible{outline-color:currentColor;outline-offset:-.3125em}
.k-launch{position:fixed;z-index:var(--kap-z);bottom:max(1.25em,env(safe-area-inset-bottom));left:var(--kap-left);right:var(--kap-right);width:3.75em;height:3.75em;padding:0;border:0;border-radius:50%;display:grid;place-items:center;background:var(--kap-accent);color:var(--kap-on-accent);box-shadow:0 .25em .875em #0004}
.k-launch svg{width:1.75em;height:1.75em}
@media (forced-colors:active){.k-launch{border:.125em solid CanvasText}:focus-visible,.k-head :focus-visible,.k-confirm :focus-visible,.k-launch:focus-visible{outline-color:Highlight}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;

/** The panel's frame and layouts, header, cards, disclaimer and dark palette: all the loader's panel shell needs. */
export const shellStyles = `.k[data-theme=dark]{--k-bg:#17191d;--k-bubble-bg:#262a31;--k-crisis-bg:#3a1a1a;--k-text:#e8eaed;--k-muted:#a9b1bb;--k-line:#8b949e;--k-rule:#3d444d;--k-crisis-ink:#ffb4ab;--k-crisis-line:#f97066;--k-ink:var(--kap-ink-dark);color-scheme:dark}
a{color:var(--k-ink);text-underline-offset:.125em}
.k-panel{position:fixed;z-index:var(--kap-z);bottom:5.75em;left:var(--kap-left);right:var(--kap-right);width:min(25em,calc(100vw - 2.5em));height:min(calc(100vh - 7em),calc(50vh + 24em));display:flex;flex-direction:column;overflow:hidden;background:var(--k-bg);color:var(--k-text);border-radius:1em;box-shadow:0 .75em 2.5em #0004;animation:k-in .2s ease-out;container-type:size}
@media ${FULL_SCREEN_QUERY}{.k-panel{top:var(--kap-vt,0);left:0;right:0;bottom:auto;width:100%;height:var(--kap-vh,100%);border-radius:0;padding:0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}.k-top{margin:0 calc(-1*env(safe-area-inset-right)) 0 calc(-1*env(safe-area-inset-left))}.k-head{padding-top:calc(.75em + env(safe-area-inset-top))}}
.k-top{position:relative;flex:none}
.k-head{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em;padding-block:.625em;padding-inline:1em .5em;background:var(--kap-accent);color:var(--kap-on-accent)}
.k-av{flex:none;width:2.5em;height:2.5em;border-radius:50%;display:grid;place-items:center;overflow:hidden;background:var(--kap-on-accent);color:var(--kap-accent);font-weight:700;line-height:1;white-space:nowrap}
.k-av img{width:100%;height:100%;object-fit:cover}
.k-titles{flex:1;min-width:0}
h2{font-size:1.0625em;font-weight:700;line-height:1.3}
.k-sub{font-size:.875em}
.k-icon{flex:none;width:2.5em;height:2.5em;padding:0;border:0;border-radius:.5em;display:grid;place-items:center;background:none}
.k-icon:hover{background:#8883}
.k-icon svg{width:1.25em;height:1.25em}
.k-help-row{flex-basis:100%}
.k-help{min-height:2.25em;padding:.25em .875em;border:.125em solid #b42318;border-radius:1.125em;background:#fff;color:#b42318;font-size:.9375em;font-weight:700}
.k-help[aria-expanded=true]{background:#b42318;color:#fff;border-color:#fff}
@container ${SHORT_PANEL_QUERY}{.k-head{padding-block:.25em}.k-av{width:2em;height:2em;font-size:.875em}.k-sub{display:none}h2{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.k-help{min-height:2em;padding-block:0}}
@container ${SHORT_PANEL_QUERY} and (min-width:32em){.k-head{flex-wrap:nowrap}.k-help-row{flex-basis:auto;flex-shrink:0}}
.k-scroll{flex:1 1 50vh;min-height:min(50vh,100% - 18em);position:relative;overflow-y:auto;overscroll-behavior:contain;padding:1em}
@container (min-width:32em){.k-scroll{min-height:min(50vh,100% - 12em)}}
.k-scroll:focus{outline:0}
.k-scroll>*+*{margin-top:.75em}
.k-help-box{margin-bottom:.75em}
.k-help-box .k-btn{padding:.5em .75em}
.k-card{padding:.75em;border:.125em solid var(--k-ink);border-radius:.75em;background:var(--k-bg);color:var(--k-text)}
.k-card.k-crisis{border-color:var(--k-crisis-line);background:var(--k-crisis-bg);color:var(--k-text)}
.k-card-t{font-weight:700}
.k-card>*+*{margin-top:.5em}
.k-crisis .k-card-t{color:var(--k-crisis-ink)}
.k-btn{display:block;padding:.75em 1em;border-radius:.625em;background:var(--kap-accent);color:var(--kap-on-accent);font-weight:700;text-align:center;text-decoration:none}
.k-crisis .k-btn{background:#b42318;color:#fff}
.k-more{display:inline-block;margin-inline-end:1em;font-weight:700}
.k-disc{flex:0 10000 auto;min-height:2.4em;padding:0 .75em .25em;font-size:.75em;line-height:1.4;color:var(--k-muted)}
.k-disc summary{padding-block:.375em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.k-disc[open]{max-height:5em;overflow-y:auto}
.k-disc[open] summary{white-space:normal}
@keyframes k-in{from{opacity:0;transform:translateY(.75em)}}
@media (forced-colors:active){.k-panel,.k-card,.k-btn,.k-help,.k-icon,.k-av{border:.125em solid CanvasText}.k-head{border-bottom:.125em solid CanvasText}}
`;

/** The rest of the panel: clear question, transcript, quick replies, question field. */
export const panelStyles = `.k-top{display:grid;grid-template-columns:minmax(0,1fr)}
.k-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.k-top>*{grid-area:1/1}
.k-confirm{display:flex;flex-wrap:wrap;align-items:center;gap:.5em;padding:.5em 1em;background:var(--kap-accent);color:var(--kap-on-accent)}
.k-confirm p{flex:1 1 10em;font-weight:700}
.k-confirm button{min-height:2.5em;padding:0 1em;border:.125em solid currentColor;border-radius:.625em;background:var(--kap-accent);color:var(--kap-on-accent);font-weight:700}
.k-confirm .k-yes{background:var(--kap-on-accent);color:var(--kap-accent)}
.k-log{display:flex;flex-direction:column;gap:.75em}
.k-msg{max-width:90%;padding:.625em .875em;border-radius:.875em;overflow-wrap:anywhere}
.k-v{align-self:flex-end;background:var(--kap-accent);color:var(--kap-on-accent);white-space:pre-wrap;border-end-end-radius:.25em}
.k-a{align-self:flex-start;background:var(--k-bubble-bg);color:var(--k-text);border-end-start-radius:.25em}
.k-a>:not(.k-sr)+*,.k-res>*+*{margin-top:.5em}
.k-a ul{padding-inline-start:1.25em}
.k-a.k-crisis{max-width:100%;background:var(--k-crisis-bg);color:var(--k-text);border:.125em solid var(--k-crisis-line)}
.k-ext svg{width:1em;height:1em;margin-inline-start:.25em;vertical-align:-.125em}
.k-quick{display:flex;flex-wrap:wrap;gap:.5em;margin-top:.75em}
.k-quick button{min-height:2.5em;padding:.375em .875em;border:.125em solid var(--k-ink);border-radius:1.25em;background:var(--k-bg);color:var(--k-ink);font-size:.9375em;text-align:start}
.k-quick button:hover{background:var(--k-bubble-bg)}
.k-typing{align-self:flex-start;display:flex;gap:.3125em;padding:1em;background:var(--k-bubble-bg)}
.k-typing i{width:.5em;height:.5em;border-radius:50%;background:var(--k-muted);animation:k-dot 1s infinite}
.k-typing i:nth-child(3){animation-delay:.15s}
.k-typing i:nth-child(4){animation-delay:.3s}
.k-form{display:contents}
.k-row{flex:0 10000 auto;min-height:calc(4em + 1px);display:flex;align-items:flex-end;gap:.5em;padding:.625em .75em;border-top:1px solid var(--k-rule)}
textarea{flex:1;min-width:0;align-self:stretch;display:block;font-size:max(1em,16px);line-height:1.5;min-height:2.75em;max-height:8.75em;padding:.5em .75em;border:.125em solid var(--k-line);border-radius:.625em;background:var(--k-bg);color:var(--k-text);resize:none;overflow-y:auto;field-sizing:content}
textarea::placeholder{color:var(--k-muted);opacity:1}
textarea[aria-invalid=true]{border-color:var(--k-crisis-line)}
.k-send{min-height:2.75em;padding:0 1em;border:0;border-radius:.625em;background:var(--kap-accent);color:var(--kap-on-accent);font-weight:700}
.k-notes{flex:none;margin:-.25em .9em .5em;font-size:.8125em;color:var(--k-muted)}
.k-over{color:var(--k-crisis-ink);font-weight:700}
@keyframes k-dot{50%{opacity:.3}}
@media (forced-colors:active){.k-msg,.k-send,.k-quick button,.k-confirm button{border:.125em solid CanvasText}.k-confirm{border-bottom:.125em solid CanvasText}.k-typing i{background:CanvasText}}
`;

export const styles = launcherStyles + shellStyles + panelStyles;
