import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleSize, CEILING_GZIP_BYTES } from '../../scripts/size';

describe('dist/kap-chat.js', () => {
  it('exists (npm test builds it first)', () => {
    expect(existsSync('dist/kap-chat.js'), 'run npm run build first').toBe(true);
  });

  it(`stays within ${CEILING_GZIP_BYTES / 1024} KB gzipped, default knowledge included`, () => {
    const { gzip } = bundleSize();
    expect(gzip).toBeLessThanOrEqual(CEILING_GZIP_BYTES);
  });

  it('holds the default knowledge and defines no global but KapChat', () => {
    const code = readFileSync('dist/kap-chat.js', 'utf8');
    expect(code).toContain('what-is-kap');
    expect(code).not.toMatch(/^var \w+/m);
  });
});
