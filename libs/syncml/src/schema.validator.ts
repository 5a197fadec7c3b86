import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Directory holding syncml.xsd, metinf.xsd and devinf.xsd. */
export const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

export interface SchemaIssue {
  /** Index of the message in the array passed in. */
  index: number;
  line?: number;
  message: string;
}

export interface SchemaReport {
  valid: boolean;
  /** Indexes of the messages that failed. */
  invalid: number[];
  issues: SchemaIssue[];
}

interface SchemaFile {
  fileName: string;
  contents: string;
}

let schemaFiles: SchemaFile[] | undefined;

function loadSchemas(): SchemaFile[] {
  schemaFiles ??= ['syncml.xsd', 'metinf.xsd', 'devinf.xsd'].map((fileName) => ({
    fileName,
    contents: readFileSync(`${SCHEMA_DIR}${fileName}`, 'utf8'),
  }));
  return schemaFiles;
}

/**
 * Validates many SyncML messages against our OMA DS 1.2 schema in one xmllint run (the
 * schema is compiled once per call, which dominates the cost: batch messages).
 */
export async function validateSyncmlMessages(messages: readonly string[]): Promise<SchemaReport> {
  if (messages.length === 0) return { valid: true, invalid: [], issues: [] };
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  const [syncml, ...imports] = loadSchemas() as [SchemaFile, ...SchemaFile[]];
  const totalBytes = messages.reduce((n, m) => n + Buffer.byteLength(m), 0);
  const pages = Math.min(memoryPages.max, Math.max(memoryPages.defaultMaxMemoryPages, Math.ceil((totalBytes * 8) / (64 * 1024)) + 512));
  const result = await validateXML({
    xml: messages.map((contents, i) => ({ fileName: `message-${i}.xml`, contents })),
    schema: syncml,
    preload: imports,
    maxMemoryPages: pages,
  });
  const issues: SchemaIssue[] = result.errors.map((e) => {
    const match = /message-(\d+)\.xml/.exec(e.loc?.fileName ?? e.rawMessage);
    return { index: match ? Number(match[1]) : -1, line: e.loc?.lineNumber, message: e.message };
  });
  const invalid = [...new Set(issues.map((i) => i.index))].sort((a, b) => a - b);
  return { valid: result.valid && issues.length === 0, invalid, issues };
}
