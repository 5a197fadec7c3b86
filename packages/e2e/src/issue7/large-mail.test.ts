import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessName } from '@connector/launcher';
import { E2E_HOOK_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { deliveredMail } from './mail.test-support.js';

const MAX = 'max@e2e.example';
const PAULA = { address: 'paula@acme.example', name: 'Paula Person' };
const MB = 1024 * 1024;
const WATCHED: ProcessName[] = ['crm-writer', 'crm-interface', 'exchange-sim'];

/** Peak and current resident set of a process, from /proc (Linux). */
function memoryOf(pid: number | undefined): { peakMb: number; rssMb: number } {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

// Default rules (25 MiB limit): a mail of ≈ 9 MB is filed whole, with its original and attachments.
describe('a large mail, filed whole under the default size limit', () => {
  let e2e: E2eSystem;
  beforeAll(async () => {
    e2e = await startE2eSystem({
      label: 'issue7_large_mail',
      mailboxes: [{ smtp: MAX, crmUser: 'max', displayName: 'Max Mail' }],
      seed: async ({ exchange }) => void (await exchange.createFolder(MAX, { displayName: 'CRM', parent: 'inbox' })),
    });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(() => e2e?.close(), E2E_HOOK_TIMEOUT_MS);

  it('stores the ≈ 9 MB message and its attachments as documents; reports memory and time', async () => {
    const attachments = [
      { name: 'drawings.zip', contentType: 'application/zip', content: randomBytes(6 * MB) },
      { name: 'specs.pdf', contentType: 'application/pdf', content: randomBytes(3 * MB) },
    ];
    const messageId = `<${randomUUID()}@mail.example>`;
    await e2e.exchange.seedItem(MAX, deliveredMail({ from: PAULA, to: [{ address: MAX }], subject: 'L1 large mail', text: 'The files', messageId, attachments }), 'inbox/CRM');
    const before = Object.fromEntries(WATCHED.map((name) => [name, memoryOf(e2e.system.services.get(name)?.pid)]));
    const { durationMs } = await e2e.runCycle({ mailbox: MAX, type: 'email' }, { timeoutMs: 300_000 });
    const after = Object.fromEntries(WATCHED.map((name) => [name, memoryOf(e2e.system.services.get(name)?.pid)]));
    console.log(`filing a ${(9 * MB / 1e6).toFixed(1)} MB mail: cycle ${durationMs} ms; memory (MB) before → after: ${JSON.stringify({ before, after })}`);

    const [activity] = await e2e.crm.activities.listAll({ internetMessageId: messageId });
    const docs = activity!.documents;
    for (const a of attachments) {
      expect(docs).toContainEqual(expect.objectContaining({ role: 'attachment', fileName: a.name, size: a.content.length, sha256: createHash('sha256').update(a.content).digest('hex') }));
    }
    expect(docs.find((d) => d.role === 'original-mime')!.size).toBeGreaterThan(12 * MB);
    await e2e.assertQuietCycle({ mailbox: MAX }, { timeoutMs: 120_000 });
  }, 600_000);
});
