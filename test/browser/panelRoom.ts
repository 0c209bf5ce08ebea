/**
 * How much of the viewport the panel's message area keeps, per screen and per state of the panel:
 * the table that test/browser/room.test.ts asserts (at least half, WCAG 1.4.10) and that
 * `npx tsx scripts/panel-room.ts` prints. Only playwright-core here, no test runner, so the
 * script can use it too.
 *
 * The states are walked in order on one page, each adding to the one before, so the last ones are
 * the fullest: a crisis card, the disclaimer open and a five-line or over-limit question at once.
 */
import type { Page } from 'playwright-core';

/** A screen and a visitor setting, as the harness's `open()` options take them. */
export interface RoomLayout {
  name: string;
  viewport: { width: number; height: number };
  /** Touch, mobile viewport meta, 2x pixels. */
  phone?: boolean;
  deviceScaleFactor?: number;
  /** The browser's default text size in px. */
  defaultFontSize?: number;
}

export const ROOM_LAYOUTS: readonly RoomLayout[] = [
  { name: '1280x800 laptop', viewport: { width: 1280, height: 800 } },
  // Browser zoom halves the CSS pixels each way and doubles the device pixels.
  { name: '1280x800 at 200% zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: '844x390 phone sideways', viewport: { width: 844, height: 390 }, phone: true },
  { name: '390x844 phone', viewport: { width: 390, height: 844 }, phone: true },
  { name: '1024x600 small laptop', viewport: { width: 1024, height: 600 } },
  { name: '1280x800, 32px default text', viewport: { width: 1280, height: 800 }, defaultFontSize: 32 },
];

const QUESTION = 'is ketamine a cure?';
const CRISIS = 'I want to end my life';
/** Five short lines: the field at its full height. */
const FIVE_LINES = ['What is KAP', 'and how long', 'does it take', 'and what does', 'it cost'].join('\n');
/** Over the 500-character limit: the field at its full height, with the counter and the message. */
const TOO_LONG = 'I would like to know more about this, please. '.repeat(12);

const byTestId = (page: Page, id: string) => page.locator(`[data-testid=${id}]`);

async function ask(page: Page, text: string): Promise<void> {
  const replies = page.locator('[data-testid=kap-message][data-role=assistant]');
  const before = await replies.count();
  await byTestId(page, 'kap-input').fill(text);
  await byTestId(page, 'kap-input').press('Enter');
  await replies.nth(before).waitFor({ state: 'visible' });
  await byTestId(page, 'kap-typing').waitFor({ state: 'detached' });
}

async function setDisclaimer(page: Page, open: boolean): Promise<void> {
  const details = byTestId(page, 'kap-disclaimer');
  if ((await details.getAttribute('open')) !== null !== open) await details.locator('summary').click();
}

/** What the panel shows, reached from the state before it. */
export interface RoomState {
  name: string;
  enter(page: Page): Promise<void>;
  /** The test saves a screenshot of this state: the fullest ones, where the question field gives way. */
  screenshot?: boolean;
}

export const ROOM_STATES: readonly RoomState[] = [
  {
    name: 'greeting, quick replies',
    async enter(page) {
      await byTestId(page, 'kap-launcher').click();
      await byTestId(page, 'kap-quick-replies').waitFor({ state: 'visible' });
    },
  },
  { name: 'an answer, quick replies', enter: (page) => ask(page, QUESTION) },
  {
    name: '"Need help now?" card',
    async enter(page) {
      await byTestId(page, 'kap-help').click();
      await byTestId(page, 'kap-help-card').waitFor({ state: 'visible' });
    },
  },
  {
    name: 'crisis card',
    async enter(page) {
      await ask(page, CRISIS);
      await byTestId(page, 'kap-crisis').waitFor({ state: 'visible' });
    },
  },
  { name: 'crisis card, disclaimer open', enter: (page) => setDisclaimer(page, true) },
  { name: 'five-line question, disclaimer open', enter: (page) => byTestId(page, 'kap-input').fill(FIVE_LINES), screenshot: true },
  {
    name: 'over-limit question and its notice, disclaimer open',
    async enter(page) {
      await byTestId(page, 'kap-input').fill(TOO_LONG);
      await byTestId(page, 'kap-too-long').waitFor({ state: 'visible' });
    },
    screenshot: true,
  },
  { name: 'over-limit question and its notice, disclaimer folded', enter: (page) => setDisclaimer(page, false) },
  {
    name: '"Need help now?" card, over-limit question, disclaimer open',
    async enter(page) {
      await setDisclaimer(page, true);
      await byTestId(page, 'kap-help').click();
      await byTestId(page, 'kap-help-card').waitFor({ state: 'visible' });
    },
  },
  {
    name: 'the clear question, over-limit question, disclaimer open',
    async enter(page) {
      await byTestId(page, 'kap-clear').click();
      await byTestId(page, 'kap-clear-confirm').waitFor({ state: 'visible' });
    },
    screenshot: true,
  },
];

export interface Room {
  layout: 'floating' | 'full-screen';
  viewportHeight: number;
  /** Height of the message area that is on screen and not covered (by the clear question), in CSS px. */
  messages: number;
  /** `messages` over the viewport's height. */
  share: number;
  header: number;
  /** The question field and Send button, with their notes. */
  composer: number;
  disclaimer: number;
  /** The question field, the Send button and the panel are wholly on screen. */
  composerOnScreen: boolean;
  /** The question field's height, to check it stays at least one line tall. */
  fieldHeight: number;
  /** Nothing in the panel is wider than it, and nothing has scrolled it sideways. */
  fitsWidth: boolean;
}

// A string, not a function: tsx would wrap a function with helpers the page does not have.
const MEASURE = `(async () => {
  const root = document.querySelector('kap-chat-widget').shadowRoot;
  const panel = root.querySelector('.k-panel');
  // Where the panel comes to rest, not halfway through its opening animation.
  await Promise.all(panel.getAnimations().map((a) => a.finished));
  const box = (s) => root.querySelector(s)?.getBoundingClientRect();
  const p = box('.k-panel'), scroll = box('.k-scroll'), cover = box('.k-confirm'), field = box('textarea'), send = box('.k-send');
  const top = Math.max(scroll.top, p.top, 0, cover ? cover.bottom : -Infinity);
  const bottom = Math.min(scroll.bottom, p.bottom, innerHeight);
  const inside = (b) => b.top >= -0.5 && b.bottom <= innerHeight + 0.5 && b.left >= -0.5 && b.right <= innerWidth + 0.5 && b.top >= p.top - 0.5 && b.bottom <= p.bottom + 0.5;
  const messages = Math.max(0, bottom - top);
  return {
    layout: panel.dataset.layout,
    viewportHeight: innerHeight,
    messages,
    share: messages / innerHeight,
    header: box('.k-head').height,
    composer: (box('.k-notes') ?? box('.k-row')).bottom - box('.k-row').top,
    disclaimer: box('.k-disc').height,
    composerOnScreen: inside(field) && inside(send) && inside(p),
    fieldHeight: field.height,
    fitsWidth: [panel, root.querySelector('.k-scroll')].every((el) => el.scrollLeft === 0 && el.scrollWidth <= el.clientWidth + 1),
  };
})()`;

export const measureRoom = (page: Page) => page.evaluate(MEASURE) as Promise<Room>;

/** Walks every state on an opened page (panel closed) and measures the room after each. */
export async function walkStates(page: Page, each?: (state: RoomState, room: Room) => Promise<void>): Promise<Array<{ state: string; room: Room }>> {
  const rows: Array<{ state: string; room: Room }> = [];
  for (const state of ROOM_STATES) {
    await state.enter(page);
    const room = await measureRoom(page);
    rows.push({ state: state.name, room });
    await each?.(state, room);
  }
  return rows;
}
