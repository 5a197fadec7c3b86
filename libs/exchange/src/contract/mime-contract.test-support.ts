import { text } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { mime, type EnvRef } from './contract-env.test-support.js';

export function mimeContract(env: EnvRef): void {
  it('streams the MIME of a mail as decoded bytes', async () => {
    const mailbox = await env().newMailbox();
    const raw = mime({ from: 'dana@acme.example', to: mailbox, subject: 'Große Bestellung', id: 'mime-1@acme.example', body: 'Grüße aus München' });
    const [id] = await env().deliverMessages(mailbox, 'inbox', [raw]);
    const mimeText = await text(await env().port.openMimeStream(mailbox, id!));
    expect(mimeText).toContain('Message-ID: <mime-1@acme.example>');
    expect(mimeText).toContain('Grüße aus München');
    await expect(env().port.openMimeStream(mailbox, 'AAMkAGI2TG93AAA=')).rejects.toMatchObject({ code: 'EXCHANGE_ITEM_NOT_FOUND' });
  });
}
