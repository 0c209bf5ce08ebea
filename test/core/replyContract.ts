import { expect } from 'vitest';
import { CRISIS_KINDS, ROUTES, type Reply } from '../../widget/core/index';

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
  if (reply.route === 'eligibility' || reply.route === 'booking' || reply.route === 'support') expect(reply.actions.some((a) => a.type === 'book')).toBe(true);
  if (reply.route === 'crisis') {
    // Whatever the kind and the country: a line to call, and the first resource named in the words too.
    expect(CRISIS_KINDS).toContain(reply.kind);
    expect(reply.actions.some((a) => a.type === 'call' && a.href?.startsWith('tel:'))).toBe(true);
    const first = reply.actions[0]!;
    expect(first.type).toBe('call');
    expect(digitsOf(reply.text)).toContain(first.href!.replace(/^(?:tel|sms):/, ''));
  }
}

/** The text with numbers written as on a phone keypad: "1-800-222-1222" → "18002221222". */
export function digitsOf(text: string): string {
  return text.replace(/(\d)[\s().-]+(?=\d)/g, '$1');
}
