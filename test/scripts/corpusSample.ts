/**
 * A small corpus for training tests: every `every`-th line of each `.jsonl` file of `dir`, in a
 * temporary folder of the test's own (removed when the process exits).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function corpusSample(dir: string, every: number): string {
  const out = mkdtempSync(join(tmpdir(), 'kapchat-corpus-'));
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.trim());
    writeFileSync(join(out, name), lines.filter((_, i) => i % every === 0).join('\n') + '\n');
  }
  return out;
}
