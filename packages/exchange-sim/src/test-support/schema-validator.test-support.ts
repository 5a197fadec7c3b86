import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { SCHEMA_DIR } from '../app.js';

const schema = () => ({
  messages: readFileSync(`${SCHEMA_DIR}messages.xsd`, 'utf8'),
  types: readFileSync(`${SCHEMA_DIR}types.xsd`, 'utf8'),
  xml: readFileSync(`${SCHEMA_DIR}xml.xsd`, 'utf8'),
});

/** The child element of a SOAP Body, or undefined for a fault (SOAP's schema, not EWS's). */
export function bodyChild(envelope: string): string | undefined {
  const match = /<(\w+:)?Body\b[^>]*>([\s\S]*)<\/(\w+:)?Body>/.exec(envelope);
  const inner = match?.[2]?.trim();
  if (!inner || /^<(\w+:)?Fault\b/.test(inner)) return undefined;
  return `<?xml version="1.0" encoding="utf-8"?>${inner}`;
}

/**
 * Collects SOAP bodies during a test file and validates them all against the EWS schema in
 * one xmllint run (compiling the 700 KB schema costs more than validating hundreds of documents).
 */
export class SchemaCollector {
  private readonly documents: { name: string; xml: string }[] = [];

  add(kind: 'request' | 'response', label: string, envelope: string): void {
    const xml = bodyChild(envelope);
    if (xml) this.documents.push({ name: `${String(this.documents.length).padStart(4, '0')}-${kind}-${label}.xml`, xml });
  }

  get count(): number {
    return this.documents.length;
  }

  async validate(): Promise<string[]> {
    if (this.documents.length === 0) return [];
    const s = schema();
    const errors: string[] = [];
    for (let i = 0; i < this.documents.length; i += 400) {
      const batch = this.documents.slice(i, i + 400);
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
    return errors;
  }
}
