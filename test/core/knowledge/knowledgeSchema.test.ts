import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultKnowledge } from '../../../widget/core/knowledge/defaultKnowledge';
import * as say from '../../../widget/core/knowledge/errorMessages';
import { COUNTRY_CODE, ENTRY_ID, SECTION_FILES, validateKnowledgeDocument } from '../../../widget/core/knowledge/validateKnowledge';

/**
 * The schema helps editors, the validator guards the build and the widget: the two are written by
 * hand and must not drift apart. These tests hold them to the same sections, fields and rules.
 */
interface SchemaNode {
  $ref?: string;
  description?: string;
  type?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  $defs?: Record<string, SchemaNode>;
}

const schema = JSON.parse(readFileSync(new URL('../../../knowledge/schema/knowledge.schema.json', import.meta.url), 'utf8')) as SchemaNode;

function resolve(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const target = schema.$defs?.[node.$ref.replace('#/$defs/', '')];
  if (!target) throw new Error(`unresolved ${node.$ref}`);
  return { ...resolve(target), ...node, $ref: undefined };
}

/** `crisis.countries` + `US` → `crisis.countries.US`; other keys quoted as the validator writes them: `kinds["self-harm"]`. */
function at(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function get(root: unknown, path: string): unknown {
  const keys = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) => m[1] ?? m[2] ?? JSON.parse(m[3]!));
  return keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);
}

/**
 * Every object of the schema that lists properties, with a data path into the default knowledge.
 * A map (countries by code, resources by id) is followed through its first entry in the knowledge.
 */
function objectsWithProperties(node: SchemaNode, path: string, out: Array<{ path: string; node: SchemaNode }> = []) {
  const resolved = resolve(node);
  if (resolved.properties) {
    out.push({ path, node: resolved });
    for (const [key, child] of Object.entries(resolved.properties)) if (key !== '$schema') objectsWithProperties(child, at(path, key), out);
  }
  if (resolved.items) objectsWithProperties(resolved.items, `${path}[0]`, out);
  if (typeof resolved.additionalProperties === 'object') {
    const first = Object.keys((get(defaultKnowledge, path) as object | undefined) ?? {})[0];
    if (first !== undefined) objectsWithProperties(resolved.additionalProperties, at(path, first), out);
  }
  return out;
}

const objects = objectsWithProperties(schema, '');

describe('knowledge.schema.json', () => {
  it('describes the sections the validator knows', () => {
    expect(Object.keys(schema.properties ?? {}).filter((k) => k !== '$schema')).toEqual(Object.keys(SECTION_FILES));
  });

  it('describes every property for the practitioner', () => {
    const undescribed = objects.flatMap(({ path, node }) =>
      Object.entries(node.properties ?? {})
        .filter(([, child]) => !resolve(child).description)
        .map(([key]) => `${path}.${key}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('follows the crisis countries down to their resources and kinds', () => {
    expect(objects.map((o) => o.path)).toEqual(
      expect.arrayContaining(['crisis.countries.US', 'crisis.countries.US.resources.emergency', 'crisis.countries.US.kinds["self-harm"]']),
    );
  });

  it('uses the country code pattern of the validator', () => {
    expect(resolve(objects.find((o) => o.path === 'crisis')!.node.properties!.defaultCountry!).pattern).toBe(COUNTRY_CODE.source);
  });

  it('uses the entry id pattern of the validator', () => {
    expect(schema.$defs?.id?.pattern).toBe(ENTRY_ID.source);
  });

  it('accepts and rejects the same booking links as the validator', () => {
    const pattern = new RegExp(resolve(objects.find((o) => o.path === 'practice.booking')!.node.properties!.url!).pattern!, 'u');
    for (const url of ['https://riverside-therapy.com/book', '/contact', 'http://riverside-therapy.com', '//evil.example', 'www.riverside-therapy.com', 'javascript:alert(1)']) {
      const doc = structuredClone(defaultKnowledge);
      doc.practice.booking.url = url;
      const rejected = validateKnowledgeDocument(doc).problems.some((p) => p.path === 'practice.booking.url' && p.severity === 'error');
      expect({ url, rejected }).toEqual({ url, rejected: !pattern.test(url) });
    }
  });

  describe.each(objects.filter(({ path }) => get(defaultKnowledge, path) !== undefined))('at $path', ({ path, node }) => {
    const present = Object.keys(node.properties ?? {}).filter((key) => key !== '$schema' && get(defaultKnowledge, at(path, key)) !== undefined);

    it.each(present)('requires %s exactly when the validator does', (key) => {
      const doc = structuredClone(defaultKnowledge) as unknown as Record<string, unknown>;
      const parent = (path ? get(doc, path) : doc) as Record<string, unknown>;
      delete parent[key];
      const fieldPath = at(path, key);
      const missing = validateKnowledgeDocument(doc, { partial: true }).problems.some(
        (p) => p.path === fieldPath && p.message === say.missingField(key).message,
      );
      expect(missing).toBe((node.required ?? []).includes(key));
    });
  });
});
