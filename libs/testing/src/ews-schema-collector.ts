import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

function schemaFiles(dir: string) {
  return {
    messages: readFileSync(`${dir}messages.xsd`, 'utf8'),
    types: readFileSync(`${dir}types.xsd`, 'utf8'),
    xml: readFileSync(`${dir}xml.xsd`, 'utf8'),
  };
}

/** The Body's child as a standalone document with the m:/t: namespaces it uses; undefined for faults. */
export function bodyChild(envelope: string): string | undefined {
  const match = /<([\w-]+:)?Body\b[^>]*>([\s\S]*)<\/([\w-]+:)?Body>/.exec(envelope);
  const inner = match?.[2]?.trim();
  if (!inner || /^<([\w-]+:)?Fault\b/.test(inner)) return undefined;
  const ns = [...envelope.matchAll(/xmlns:([\w-]+)="([^"]+)"/g)];
  const first = /^<([\w-]+:)?[\w-]+/.exec(inner)?.[0] ?? '';
  const startTag = /^<[^>]*>/.exec(inner)?.[0] ?? '';
  const declared = new Set([...startTag.matchAll(/xmlns:([\w-]+)=/g)].map((m) => m[1]));
  const extra = [...new Map(ns.map((m) => [m[1]!, m[2]!])).entries()].filter(([p]) => !declared.has(p) && p !== 'soap' && p !== 's');
  const withNs = extra.length > 0 ? inner.replace(first, `${first} ${extra.map(([p, u]) => `xmlns:${p}="${u}"`).join(' ')}`) : inner;
  return `<?xml version="1.0" encoding="utf-8"?>${withNs}`;
}

/**
 * Collects the SOAP bodies a test file sent and received, and validates them against the EWS
 * schema (messages.xsd, types.xsd, xml.xsd in `dir`) in few xmllint runs: compiling the schema
 * costs more than validating hundreds of documents. Both the simulator's and the gateway's tests
 * use it; it is test infrastructure, not EWS code of either.
 */
export class EwsSchemaCollector {
  private readonly documents: { name: string; xml: string }[] = [];

  constructor(readonly dir: string) {}

  add(kind: 'request' | 'response', operation: string, envelope: string): void {
    const xml = bodyChild(envelope);
    if (xml) this.documents.push({ name: `${String(this.documents.length).padStart(5, '0')}-${operation}-${kind}.xml`, xml });
  }

  get count(): number {
    return this.documents.length;
  }

  async validate(): Promise<string[]> {
    if (this.documents.length === 0) return [];
    const s = schemaFiles(this.dir);
    const errors: string[] = [];
    for (let i = 0; i < this.documents.length; i += 300) {
      const batch = this.documents.slice(i, i + 300);
      const result = await validateXML({
        xml: batch.map((d) => ({ fileName: d.name, contents: d.xml })),
        schema: [{ fileName: 'messages.xsd', contents: s.messages }],
        preload: [
          { fileName: 'types.xsd', contents: s.types },
          { fileName: 'xml.xsd', contents: s.xml },
        ],
        initialMemoryPages: 4096,
        maxMemoryPages: 32768,
      });
      if (!result.valid) errors.push(...result.errors.map((e) => e.rawMessage.slice(0, 400)));
    }
    this.documents.length = 0;
    return errors;
  }
}
