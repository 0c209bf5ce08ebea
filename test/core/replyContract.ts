import { expect } from 'vitest';
import { ROUTES, type Reply } from '../../widget/core/index';

/** Asserts the reply contract shared by the widget and the command line. */
export function expectValidReply(reply: Reply): void {
  expect(ROUTES).toContain(reply.route);
  expect(typeof reply.text).toBe('string');
  expect(reply.text.length).toBeGreaterThan(0);
  expect(Array.isArray(reply.options)).toBe(true);
  expect(reply.entryId === null || typeof reply.entryId === 'string').toBe(true);
  if (reply.route === 'answer') expect(reply.entryId).not.toBeNull();
  for (const action of reply.actions) {
    expect(['book', 'call', 'link', 'topic']).toContain(action.type);
    expect(action.label.length).toBeGreaterThan(0);
    if (action.href !== undefined) expect(action.href).toMatch(/^(?:https:|mailto:|tel:|sms:)/);
  }
  if (reply.route === 'eligibility' || reply.route === 'booking') expect(reply.actions.some((a) => a.type === 'book')).toBe(true);
  if (reply.route === 'crisis') {
    expect(reply.text).toMatch(/988/);
    expect(reply.actions.map((a) => a.href)).toEqual(expect.arrayContaining(['tel:988', 'tel:911']));
  }
}
