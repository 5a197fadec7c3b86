import { validateSyncmlMessages, type SchemaReport } from './schema.validator.js';
import { SyncmlError } from './syncml.error.js';

/**
 * Test helper for conformance suites: record every SyncML message a test sends or receives,
 * then validate them all in one xmllint run (schema compilation dominates the cost).
 *
 *   const wire = new SyncmlWireRecorder();
 *   wire.record(requestXml, 'client msg 1');
 *   afterAll(() => wire.assertAllValid());
 */
export class SyncmlWireRecorder {
  readonly #messages: { label: string; xml: string }[] = [];

  record(xml: string | Uint8Array, label = `message ${this.#messages.length + 1}`): void {
    this.#messages.push({ label, xml: typeof xml === 'string' ? xml : Buffer.from(xml).toString('utf8') });
  }

  get count(): number {
    return this.#messages.length;
  }

  clear(): void {
    this.#messages.length = 0;
  }

  async validate(): Promise<SchemaReport> {
    return validateSyncmlMessages(this.#messages.map((m) => m.xml));
  }

  /** Throws a SyncmlError (SYNCML_SCHEMA_INVALID) naming every recorded message that does not validate, with the reasons. */
  async assertAllValid(): Promise<void> {
    const report = await this.validate();
    if (report.valid) return;
    const lines = report.issues.map((i) => `${this.#messages[i.index]?.label ?? '?'} (line ${i.line ?? '?'}): ${i.message}`);
    throw new SyncmlError('SYNCML_SCHEMA_INVALID', `${report.invalid.length} message(s):\n${lines.join('\n')}`);
  }
}

/** Validates the given messages at once and throws when any is invalid. */
export async function assertValidSyncml(messages: string | readonly string[]): Promise<void> {
  const recorder = new SyncmlWireRecorder();
  for (const m of typeof messages === 'string' ? [messages] : messages) recorder.record(m);
  await recorder.assertAllValid();
}
