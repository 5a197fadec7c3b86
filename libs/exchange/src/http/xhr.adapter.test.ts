import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { base64Readable } from '../content/content-stream.js';
import { escapeAttribute, escapeText } from '../ews/library.patch.js';
import { operationOf, serverBusyBackOff } from './xhr.adapter.js';

describe('XHR helpers', () => {
  it('names the operation from the SOAP body', () => {
    expect(operationOf('<soap:Envelope><soap:Header/><soap:Body><m:SyncFolderItems>')).toBe('SyncFolderItems');
    expect(operationOf('<Envelope><Body>\n  <GetItem xmlns="x">')).toBe('GetItem');
    expect(operationOf('garbage')).toBe('unknown');
  });

  it('recognises a refused request with its back-off, and not a partly failed batch', () => {
    const fault = '<s:Fault><detail><e:ResponseCode>ErrorServerBusy</e:ResponseCode><t:MessageXml><t:Value Name="BackOffMilliseconds">345</t:Value></t:MessageXml></detail></s:Fault>';
    expect(serverBusyBackOff(500, fault)).toBe(345);
    expect(serverBusyBackOff(503, fault.replace(/<t:MessageXml>.*<\/t:MessageXml>/, ''))).toBeNull();
    expect(serverBusyBackOff(200, '<m:GetItemResponseMessage ResponseClass="Error"><m:ResponseCode>ErrorServerBusy</m:ResponseCode>')).toBeNull();
    expect(serverBusyBackOff(200, '<x ResponseClass="Success"/><x ResponseClass="Error"><m:ResponseCode>ErrorServerBusy</m:ResponseCode>')).toBeUndefined();
    expect(serverBusyBackOff(500, '<s:Fault>ErrorItemNotFound</s:Fault>')).toBeUndefined();
  });
});

describe('XML escaping (library patch)', () => {
  it('escapes text and attributes, drops characters XML forbids, keeps existing entities in attributes', () => {
    expect(escapeText('Müller & Söhne <b>\u0001')).toBe('Müller &amp; Söhne &lt;b&gt;');
    expect(escapeAttribute('Eastern Time (US &amp; Canada) "x" & y')).toBe('Eastern Time (US &amp; Canada) &quot;x&quot; &amp; y');
  });
});

describe('base64Readable', () => {
  it('decodes in chunks to the original bytes, whitespace and all', async () => {
    const original = 'x'.repeat(700_000) + 'Grüße';
    const b64 = Buffer.from(original).toString('base64').replace(/(.{76})/g, '$1\r\n');
    expect(await text(base64Readable(b64))).toBe(original);
  });
});
