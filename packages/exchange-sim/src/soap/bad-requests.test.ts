import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start({ maxBodyBytes: 64 * 1024 });
  await sim.mailbox('alice@test.example');
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const inbox = `<m:GetFolder ${NS}><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`;

async function fault(raw: string, status = 500): Promise<string> {
  const reply = await sim.ews('', { raw });
  expect(reply.status).toBe(status);
  expect(first(reply.doc, 'Fault')).toBeDefined();
  // the server keeps serving after every bad request
  expect((await sim.ews(inbox)).status).toBe(200);
  return first(reply.doc, 'ResponseCode')!.text;
}

describe('bad requests get Exchange-like SOAP faults', () => {
  it('malformed XML, with the position in MessageXml', async () => {
    expect(await fault('<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:GetFolder>')).toBe('ErrorSchemaValidation');
    const reply = await sim.ews('', { raw: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n<soap:Body><a></b></soap:Body></soap:Envelope>' });
    expect(first(reply.doc, 'LineNumber')!.text).toBe('2');
  });

  it('a byte order mark is accepted', async () => {
    expect((await sim.ews('', { raw: `\uFEFF${envelope(inbox)}` })).status).toBe(200);
  });

  it('unknown operation and wrong namespace', async () => {
    expect(await fault(envelope(`<m:FrobnicateItem ${NS}/>`))).toBe('ErrorSchemaValidation');
    expect(await fault(envelope('<GetFolder xmlns="http://example.com/not-ews"/>'))).toBe('ErrorSchemaValidation');
    expect(await fault(envelope(`<m:GetUserOofSettingsRequest ${NS}><t:Mailbox><t:Address>alice@test.example</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>`))).toBe('ErrorInvalidRequest');
    expect(await fault(envelope(inbox).replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'))).toBe('ErrorSchemaValidation');
  });

  it('an entity bomb is refused before any expansion', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' + envelope(inbox).replace('<?xml version="1.0" encoding="utf-8"?>', '').replace('inbox"/>', 'inbox"/><t:X>&lol3;</t:X>');
    expect(await fault(bomb)).toBe('ErrorInvalidRequest');
  });

  it('an oversized body and too deep nesting', async () => {
    const big = envelope(inbox.replace('<m:FolderIds>', `<m:FolderIds><!--${'x'.repeat(70 * 1024)}-->`));
    expect(await fault(big, 413)).toBe('ErrorRequestStreamTooBig');
    const deep = envelope(`${'<m:X>'.repeat(300)}${'</m:X>'.repeat(300)}`);
    expect(await fault(deep)).toBe('ErrorInvalidRequest');
  });

  it('an invalid RequestServerVersion and a missing Body', async () => {
    expect(await fault(envelope(inbox).replace('Exchange2013_SP1', 'Exchange1999'))).toBe('ErrorInvalidServerVersion');
    expect(await fault('<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/></soap:Envelope>')).toBe('ErrorSchemaValidation');
  });

  it('serves the WSDL with its schemas', async () => {
    const wsdl = await fetch(`${sim.url}/EWS/Services.wsdl`);
    const text = await wsdl.text();
    expect(text).toContain(`location="${sim.url}/EWS/Exchange.asmx"`);
    expect((await fetch(`${sim.url}/EWS/messages.xsd`)).status).toBe(200);
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
  });
});
