/**
 * The widget's CSS, adopted by its shadow root. Host pages cannot select inside the shadow root,
 * but inherited properties and custom properties still cross it, so:
 * - `:host` resets the host element itself (the page's `* {…!important}` rules hit it);
 * - `.k` sets every inherited text property explicitly; nothing relies on inheritance from the page;
 * - only `--kap-*` custom properties are read (pages set `--primary` and friends on `:root`);
 * - sizes are in px, never rem: the page owns the root font size.
 * Theme values (`--kap-accent`, `--kap-on-accent`, `--kap-ink`, `--kap-z`, `--kap-left`,
 * `--kap-right`, `--kap-font`) are set on the host element by the embed; these are the defaults.
 *
 * Three parts, one stylesheet when read in order: `launcherStyles`, which the loader (kap-chat.js)
 * adopts to draw the launcher; `shellStyles`, which it adds when it opens the panel shell before the
 * rest has arrived; and `panelStyles`, which the app adds (with the shell's) when it takes over.
 */
export const launcherStyles = `:host{all:initial!important;--kap-accent:#2f6f5e;--kap-on-accent:#fff;--kap-ink:#2f6f5e;--kap-z:2147483647;--kap-left:auto;--kap-right:max(20px,env(safe-area-inset-right));--kap-font:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
*,::before,::after{box-sizing:border-box}
.k{font-family:var(--kap-font);font-size:16px;font-weight:400;font-style:normal;line-height:1.5;letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:left;text-indent:0;text-shadow:none;white-space:normal;color:#1f2328;color-scheme:light;-webkit-text-size-adjust:100%}
p,h2,ul{margin:0}
button,input{font:inherit;letter-spacing:inherit;color:inherit;margin:0}
button{cursor:pointer}
svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
:focus-visible{outline:3px solid var(--kap-ink);outline-offset:2px}
.k-head :focus-visible,.k-launch:focus-visible{outline-color:currentColor;outline-offset:-5px}
.k-launch{position:fixed;z-index:var(--kap-z);bottom:max(20px,env(safe-area-inset-bottom));left:var(--kap-left);right:var(--kap-right);width:60px;height:60px;padding:0;border:0;border-radius:50%;display:grid;place-items:center;background:var(--kap-accent);color:var(--kap-on-accent);box-shadow:0 4px 14px #0004}
.k-launch svg{width:28px;height:28px}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;

/** The panel's frame, header, cards and disclaimer: all the loader's panel shell needs. */
export const shellStyles = `a{color:var(--kap-ink);text-underline-offset:2px}
.k-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.k-panel{position:fixed;z-index:var(--kap-z);bottom:92px;left:var(--kap-left);right:var(--kap-right);width:min(400px,calc(100vw - 40px));height:min(640px,calc(100vh - 112px));display:flex;flex-direction:column;overflow:hidden;background:#fff;border-radius:16px;box-shadow:0 12px 40px #0004;animation:k-in .2s ease-out}
@media (max-width:639px){.k-panel{top:var(--kap-vt,0);left:0;right:0;bottom:auto;width:100%;height:var(--kap-vh,100%);border-radius:0;padding:0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}.k-head{margin:0 calc(-1*env(safe-area-inset-right)) 0 calc(-1*env(safe-area-inset-left));padding-top:calc(12px + env(safe-area-inset-top))}}
.k-head{display:flex;flex-wrap:wrap;align-items:flex-start;gap:4px;padding:12px 8px 12px 16px;background:var(--kap-accent);color:var(--kap-on-accent)}
.k-titles{flex:1;min-width:0}
h2{font-size:17px;font-weight:700;line-height:1.3}
.k-head p{font-size:14px}
.k-icon{flex:none;width:40px;height:40px;padding:0;border:0;border-radius:8px;display:grid;place-items:center;background:none}
.k-icon:hover{background:#8883}
.k-icon svg{width:20px;height:20px}
.k-scroll:focus{outline:0}
.k-scroll{flex:1;position:relative;overflow-y:auto;overscroll-behavior:contain;padding:16px}
.k-scroll>*+*{margin-top:12px}
.k-card{padding:12px;border:2px solid var(--kap-ink);border-radius:12px;background:#fff}
.k-card-t{font-weight:700}
.k-card>*+*{margin-top:8px}
.k-btn{display:block;padding:12px 16px;border-radius:10px;background:var(--kap-accent);color:var(--kap-on-accent);font-weight:700;text-align:center;text-decoration:none}
.k-crisis{border-color:#b42318;background:#fef3f2}
.k-crisis .k-card-t{color:#912018}
.k-crisis .k-btn{background:#b42318;color:#fff}
.k-disc{padding:0 12px 10px;font-size:12px;line-height:1.4;color:#57606a}
@keyframes k-in{from{opacity:0;transform:translateY(12px)}}
`;

/** The rest of the panel: transcript, quick replies, question field, help control. */
export const panelStyles = `.k-help-row{flex-basis:100%}
.k-help{min-height:36px;padding:4px 14px;border:2px solid #b42318;border-radius:18px;background:#fff;color:#b42318;font-size:15px;font-weight:700}
.k-help[aria-expanded=true]{background:#b42318;color:#fff;border-color:#fff}
.k-help-box{flex:none;max-height:60%;overflow-y:auto;padding:12px 16px 4px}
.k-help-box .k-btn{padding:8px 12px}
.k-log{display:flex;flex-direction:column;gap:12px}
.k-msg{max-width:90%;padding:10px 14px;border-radius:14px;overflow-wrap:anywhere}
.k-v{align-self:flex-end;background:var(--kap-accent);color:var(--kap-on-accent);white-space:pre-wrap;border-bottom-right-radius:4px}
.k-a{align-self:flex-start;background:#f3f4f6;border-bottom-left-radius:4px}
.k-a>:not(.k-sr)+*{margin-top:8px}
.k-a ul{padding-left:20px}
.k-alert{border:2px solid #b42318}
.k-more{display:inline-block;margin-right:16px;font-weight:700}
.k-quick{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.k-quick button{min-height:40px;padding:6px 14px;border:2px solid var(--kap-ink);border-radius:20px;background:#fff;color:var(--kap-ink);font-size:15px;text-align:left}
.k-quick button:hover{background:#f3f4f6}
.k-typing{align-self:flex-start;display:flex;gap:5px;padding:16px;background:#f3f4f6}
.k-typing i{width:8px;height:8px;border-radius:50%;background:#57606a;animation:k-dot 1s infinite}
.k-typing i:nth-child(3){animation-delay:.15s}
.k-typing i:nth-child(4){animation-delay:.3s}
.k-form{display:flex;flex-wrap:wrap;gap:8px;padding:12px;border-top:1px solid #d0d7de}
input{flex:1;min-width:0;height:44px;padding:0 12px;font-size:16px;border:2px solid #6e7781;border-radius:10px;background:#fff;color:#1f2328}
input::placeholder{color:#6e7781;opacity:1}
.k-send{padding:0 16px;border:0;border-radius:10px;background:var(--kap-accent);color:var(--kap-on-accent);font-weight:700}
.k-count{flex-basis:100%;font-size:13px;color:#57606a}
@keyframes k-dot{50%{opacity:.3}}
`;

export const styles = launcherStyles + shellStyles + panelStyles;
