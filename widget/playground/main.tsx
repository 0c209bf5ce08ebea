/**
 * The playground's bundle, `dist/playground.js` (`vite build --mode playground`), loaded by
 * `demo/playground.html` and inlined into the self-contained `dist/playground.html`, never by the
 * widget. Mounts the playground into `#playground` once the page is parsed.
 */
import { render } from 'preact';
import { defaultKnowledge, type Knowledge } from '../core';
import { createApp, type App } from '../embed/createApp';
import { readConfig } from '../embed/readConfig';
import { Playground } from './Playground';

function mount(): void {
  const container = document.getElementById('playground');
  if (!container) return console.warn('KapChat playground: the page has no element with id="playground" to show the playground in.');
  container.textContent = '';
  // The real widget (launcher and panel, as visitors see it), mounted by this bundle rather than by
  // a script tag so that it can follow the edits: every valid version of the knowledge is swapped
  // in. It keeps its transcript in memory only; the playground stores nothing.
  const widget: App = createApp({
    // The demo site has its own booking page (data-booking-url on #playground); the page opened
    // from disk has none, so the widget uses the knowledge's booking link, as edited.
    config: readConfig({ ...(container.dataset.bookingUrl ? { bookingUrl: container.dataset.bookingUrl } : {}), accent: '#2f6f5e', position: 'right' }, location.href),
    knowledge: defaultKnowledge,
    emit: () => {},
    storage: null,
  });
  const onKnowledge = (knowledge: Knowledge) => widget.applyKnowledge(knowledge);
  render(<Playground onKnowledge={onKnowledge} />, container);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();
