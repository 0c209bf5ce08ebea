/**
 * `npm run size:sources [-- app|validator]`: what one of the widget's files is made of. Builds it
 * (default: the loader, `dist/kap-chat.js`) with a source map into a temporary folder and prints,
 * for each source file, its bytes in the minified file and what the gzipped file would lose
 * without them. Bytes the map does not name (mostly the CSS in template strings, whose lines the
 * minifier keeps as written) are "(unmapped)"; the build's virtual modules (the loader's words)
 * are "(generated)". A report: always exits 0 once built.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const FILES: Record<string, string> = { production: 'kap-chat.js', app: 'kap-chat-app.js', validator: 'kap-chat-validator.js' };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's `mappings`, decoded: per generated line, segments [column, source index?]. */
export function decodeMappings(mappings: string): Array<Array<[column: number, source: number | null]>> {
  const lines: Array<Array<[number, number | null]>> = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: Array<[number, number | null]> = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      segments.push([column, fields.length > 1 ? source : null]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Each character of `code` credited to the source the map names for it. */
export function ownersOf(code: string, map: { sources: string[]; mappings: string }): string[] {
  const owners = new Array<string>(code.length).fill('(unmapped)');
  const lines = code.split('\n');
  let offset = 0;
  decodeMappings(map.mappings).forEach((segments, i) => {
    const length = lines[i]?.length ?? 0;
    segments.forEach(([column, source], k) => {
      const end = k + 1 < segments.length ? segments[k + 1]![0] : length;
      const name = source === null ? '(generated)' : map.sources[source]!.replace(/^(\.\.\/)+/, '').replace(/^.*?\/(widget|node_modules)\//, '$1/');
      for (let c = column; c < end; c++) owners[offset + c] = name.startsWith('\0') || name.includes('virtual:') ? '(generated)' : name;
    });
    offset += length + 1;
  });
  return owners;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.argv[2] === 'app' || process.argv[2] === 'validator' ? process.argv[2] : 'production';
  const out = mkdtempSync(join(tmpdir(), 'kapchat-size-'));
  try {
    execFileSync(resolve('node_modules/.bin/vite'), ['build', '--mode', mode, '--sourcemap', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    // As served: without the line that points to the map.
    const code = readFileSync(join(out, FILES[mode]!), 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '');
    const owners = ownersOf(code, JSON.parse(readFileSync(join(out, FILES[mode]! + '.map'), 'utf8')));
    const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
    const total = gzip(code);
    const rows = [...new Set(owners)].map((name) => {
      let raw = 0;
      let rest = '';
      for (let i = 0; i < code.length; i++) owners[i] === name ? raw++ : (rest += code[i]);
      return { name, raw, gzip: total - gzip(rest) };
    });
    console.log(`${FILES[mode]}: ${code.length} bytes, ${total} gzipped. Per source: bytes, and what the gzipped file loses without them.`);
    for (const row of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`${String(row.raw).padStart(8)} ${String(row.gzip).padStart(7)}  ${row.name}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
