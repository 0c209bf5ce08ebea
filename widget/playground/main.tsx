/**
 * The playground's bundle, `dist/playground.js` (`vite build --mode playground`), loaded only by
 * `demo/playground.html`, never by the widget. Mounts the playground into `#playground` once the
 * page is parsed.
 */
import { render } from 'preact';
import { Playground } from './Playground';

function mount(): void {
  const container = document.getElementById('playground');
  if (!container) return console.warn('KapChat playground: the page has no element with id="playground" to show the playground in.');
  container.textContent = '';
  render(<Playground />, container);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();
