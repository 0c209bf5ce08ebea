/**
 * `npx tsx scripts/panel-room.ts`: how much of the viewport the panel's message area keeps, per
 * screen and setting, on the built bundle (run `npm run build` first) in Chromium. WCAG 1.4.10 asks
 * for half; the browser tests assert it, this prints the figures.
 */
import { chromium, type BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/chromium';
import { startDemoServer } from './demoServer';

const SETUPS: Array<[name: string, options: BrowserContextOptions, fontSize?: number]> = [
  ['desktop 1280x800', { viewport: { width: 1280, height: 800 } }],
  ['desktop 1920x1080', { viewport: { width: 1920, height: 1080 } }],
  ['laptop 1280x720', { viewport: { width: 1280, height: 720 } }],
  ['200% zoom (640x400)', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ['phone 390x844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ['phone sideways 844x390', { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ['1280x800, 32px default text', { viewport: { width: 1280, height: 800 } }, 32],
];

// A string, not a function: tsx would wrap a function with helpers the page does not have.
const MEASURE = `(async () => {
  const root = document.querySelector('kap-chat-widget').shadowRoot;
  await Promise.all(root.querySelector('.k-panel').getAnimations().map((a) => a.finished));
  const height = (s) => root.querySelector(s).getBoundingClientRect().height;
  return { layout: root.querySelector('.k-panel').dataset.layout, header: height('.k-head'), messages: height('.k-scroll'), viewport: innerHeight };
})()`;

const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium is missing: run `npm test` once (its pretest installs it) or set KAPCHAT_CHROMIUM.');
const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  console.log('setup                          layout        header  messages open  messages after a crisis reply');
  for (const [name, options, fontSize] of SETUPS) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    if (fontSize) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontSize, fixed: fontSize } });
    }
    await page.goto(server.url + '/');
    await page.locator('[data-testid=kap-launcher]').click();
    const open = (await page.evaluate(MEASURE)) as { layout: string; header: number; messages: number; viewport: number };
    await page.locator('[data-testid=kap-input]').fill('I want to end my life');
    await page.locator('[data-testid=kap-input]').press('Enter');
    await page.locator('[data-testid=kap-crisis]').waitFor();
    const crisis = (await page.evaluate(MEASURE)) as typeof open;
    const share = (m: typeof open) => `${Math.round(m.messages)} px (${Math.round((100 * m.messages) / m.viewport)}%)`;
    console.log(`${name.padEnd(31)}${open.layout.padEnd(14)}${String(Math.round(open.header)).padStart(4)} px  ${share(open).padEnd(15)}${share(crisis)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
