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

/** xmllint-wasm crashes on very large runs (~25 MB at once); batches stay well below. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

function batches(messages: readonly string[]): { start: number; items: string[] }[] {
  const out: { start: number; items: string[] }[] = [];
  let current: { start: number; items: string[] } = { start: 0, items: [] };
  let bytes = 0;
  messages.forEach((message, index) => {
    const size = Buffer.byteLength(message);
    if (current.items.length > 0 && bytes + size > MAX_BATCH_BYTES) {
      out.push(current);
      current = { start: index, items: [] };
      bytes = 0;
    }
    current.items.push(message);
    bytes += size;
  });
  out.push(current);
  return out;
}

async function validateBatch(messages: readonly string[], offset: number): Promise<{ valid: boolean; issues: SchemaIssue[] }> {
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  const [syncml, ...imports] = loadSchemas() as [SchemaFile, ...SchemaFile[]];
  const totalBytes = messages.reduce((n, m) => n + Buffer.byteLength(m), 0);
  const pages = Math.min(memoryPages.max, Math.max(memoryPages.defaultMaxMemoryPages, Math.ceil((totalBytes * 8) / (64 * 1024)) + 512));
  const result = await validateXML({
    xml: messages.map((contents, i) => ({ fileName: `message-${i + offset}.xml`, contents })),
    schema: syncml,
    preload: imports,
    maxMemoryPages: pages,
  });
  const issues: SchemaIssue[] = result.errors.map((e) => {
    const match = /message-(\d+)\.xml/.exec(e.loc?.fileName ?? e.rawMessage);
    return { index: match ? Number(match[1]) : -1, line: e.loc?.lineNumber, message: e.message };
  });
  return { valid: result.valid, issues };
}

/**
 * Validates many SyncML messages against our OMA DS 1.2 schema. The schema is compiled once per
 * xmllint run, which dominates the cost: messages go in few large batches.
 */
export async function validateSyncmlMessages(messages: readonly string[]): Promise<SchemaReport> {
  if (messages.length === 0) return { valid: true, invalid: [], issues: [] };
  const issues: SchemaIssue[] = [];
  let valid = true;
  for (const batch of batches(messages)) {
    const report = await validateBatch(batch.items, batch.start);
    valid &&= report.valid;
    issues.push(...report.issues);
  }
  const invalid = [...new Set(issues.map((i) => i.index))].sort((a, b) => a - b);
  return { valid: valid && issues.length === 0, invalid, issues };
}
