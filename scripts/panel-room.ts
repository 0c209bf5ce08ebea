/**
 * `npx tsx scripts/panel-room.ts`: how much of the viewport the panel's message area keeps, per
 * screen and setting and per state of the panel (test/browser/panelRoom.ts), on the built bundle
 * (run `npm run build` first) in Chromium. WCAG 1.4.10 asks for half; test/browser/room.test.ts
 * asserts it, this prints the figures. `--brief` prints one line per screen: its smallest share.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/chromium';
import { ROOM_LAYOUTS, walkStates, type Room } from '../test/browser/panelRoom';
import { startDemoServer } from './demoServer';

const brief = process.argv.includes('--brief');
const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium is missing: run `npm test` once (its pretest installs it) or set KAPCHAT_CHROMIUM.');
const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const px = (n: number) => `${Math.round(n)}`.padStart(4);
const percent = (room: Room) => `${(100 * room.share).toFixed(2)}%`.padStart(7);
try {
  if (brief) console.log(`${'screen'.padEnd(30)} layout        smallest share  in state`);
  for (const layout of ROOM_LAYOUTS) {
    const context = await browser.newContext({
      viewport: layout.viewport,
      ...(layout.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      ...(layout.deviceScaleFactor ? { deviceScaleFactor: layout.deviceScaleFactor } : {}),
    });
    const page = await context.newPage();
    if (layout.defaultFontSize) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: layout.defaultFontSize, fixed: Math.round(layout.defaultFontSize * 0.8125) } });
    }
    await page.goto(server.url + '/');
    const rows = await walkStates(page);
    await context.close();
    const worst = rows.reduce((a, b) => (b.room.share < a.room.share ? b : a));
    if (brief) {
      console.log(`${layout.name.padEnd(30)} ${worst.room.layout.padEnd(13)} ${percent(worst.room)}          ${worst.state}`);
      continue;
    }
    console.log(`\n${layout.name} (${layout.viewport.width}x${layout.viewport.height}), ${rows[0]!.room.layout}; heights in CSS px`);
    console.log(`  ${'state'.padEnd(62)} header composer disclaimer messages  share  field`);
    for (const { state, room } of rows) {
      const flags = (room.composerOnScreen ? '' : '  question field off screen') + (room.fitsWidth ? '' : '  wider than the panel');
      console.log(`  ${state.padEnd(62)} ${px(room.header)}   ${px(room.composer)}     ${px(room.disclaimer)}      ${px(room.messages)} ${percent(room)}  ${px(room.fieldHeight)}${flags}`);
    }
    console.log(`  smallest share: ${percent(worst.room).trim()} (${worst.state})`);
  }
} finally {
  await browser.close();
  await server.close();
}
