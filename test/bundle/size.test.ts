import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleSize, WIDGET_FILES } from '../../scripts/size';

describe.each(WIDGET_FILES)('$file', ({ file, ceiling }) => {
  it('exists (npm test builds it first)', () => {
    expect(existsSync(file), 'run npm run build first').toBe(true);
  });

  it(`stays within ${(ceiling / 1024).toFixed(1)} KB gzipped`, () => {
    expect(bundleSize(file).gzip).toBeLessThanOrEqual(ceiling);
  });

  it('defines no global (only the loader sets window.KapChat, at run time)', () => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/^var \w+/m);
  });
});

describe('dist/kap-chat.js, the loader', () => {
  const code = () => readFileSync('dist/kap-chat.js', 'utf8');

  it('carries no knowledge beyond its shell: no FAQ, no engine, no Preact', () => {
    expect(code()).not.toContain('what-is-kap');
    expect(code()).not.toContain('__PREACT');
  });

  it("carries every country's crisis links for the shell's fallback", () => {
    for (const href of ['tel:988', 'sms:988', 'tel:116123', 'tel:131114', 'tel:112']) expect(code()).toContain(href);
  });

  it('names the files it fetches', () => {
    expect(code()).toContain('kap-chat-app.js');
    expect(code()).toContain('kap-chat-validator.js');
  });
});

describe('dist/kap-chat-app.js', () => {
  it('holds the default knowledge but not the validator', () => {
    const code = readFileSync('dist/kap-chat-app.js', 'utf8');
    expect(code).toContain('what-is-kap');
    // A phrase of the validator's messages (widget/core/knowledge/errorMessages.ts).
    expect(code).not.toContain('a list in square brackets');
  });
});
