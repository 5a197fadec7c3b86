import { afterAll, describe, expect, it } from 'vitest';
import { roundTripMessages } from './fixtures.test-support.js';
import { decodeMessage, encodeMessage, SYNCML_NAMESPACE, type Add, type Sync } from './index.js';
import { SyncmlWireRecorder } from './syncml.test-support.js';

const wire = new SyncmlWireRecorder();
afterAll(async () => {
  await wire.assertAllValid();
});

describe('encode/decode round trips', () => {
  it.each(roundTripMessages.map((m, i) => [i, m] as const))('message %i survives encode → decode unchanged', (_i, message) => {
    const xml = encodeMessage(message);
    wire.record(xml, `round trip ${_i}`);
    expect(decodeMessage(xml)).toEqual(message);
    const cdataXml = encodeMessage(message, { cdata: true });
    wire.record(cdataXml, `round trip ${_i} (CDATA)`);
    expect(decodeMessage(cdataXml)).toEqual(message);
  });

  it('writes the 1.2 header constants, namespaces and MetInf in content-model order', () => {
    const xml = encodeMessage(roundTripMessages[0]!);
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?><SyncML xmlns="${SYNCML_NAMESPACE}"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto>`)).toBe(true);
    expect(xml).toContain('<Meta><Format xmlns="syncml:metinf">b64</Format><Type xmlns="syncml:metinf">syncml:auth-basic</Type></Meta>');
    expect(xml).toContain('<Data><DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD>');
    expect(xml).toContain('<Anchor xmlns="syncml:metinf"><Last>20260101T000000Z</Last><Next>20260102T000000Z</Next></Anchor><MaxObjSize xmlns="syncml:metinf">4000000</MaxObjSize>');
  });

  it('escapes markup and keeps CR LF of vCards through a conforming parser (CR as &#13;)', () => {
    const xml = encodeMessage(roundTripMessages[2]!);
    expect(xml).toContain('FN:Müller &amp; Söhne &lt;GmbH&gt; ]]&gt;&#13;\n');
    const add = (decodeMessage(xml).body[0] as Sync).commands[0] as Add;
    expect(add.items[0]?.data).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Müller & Söhne <GmbH> ]]>\r\nEND:VCARD\r\n');
  });

  it('splits "]]>" and CR out of CDATA sections', () => {
    const xml = encodeMessage(roundTripMessages[2]!, { cdata: true });
    expect(xml).toContain('<![CDATA[BEGIN:VCARD]]>&#13;<![CDATA[\nVERSION:3.0]]>&#13;<![CDATA[\nFN:Müller & Söhne <GmbH> ]]]]><![CDATA[>]]>&#13;<![CDATA[\nEND:VCARD]]>&#13;<![CDATA[\n]]>');
  });

  it('decodes a Buffer as well as a string', () => {
    const xml = encodeMessage(roundTripMessages[1]!);
    expect(decodeMessage(Buffer.from(xml))).toEqual(roundTripMessages[1]);
  });

  it('refuses data XML 1.0 cannot carry', () => {
    const bad = { ...roundTripMessages[2]!, body: [{ kind: 'Add' as const, cmdID: 1, items: [{ data: 'bell \u0007' }] }] };
    expect(() => encodeMessage(bad)).toThrowError(expect.objectContaining({ code: 'SYNCML_ENCODE_INVALID' }));
  });

  it('decodes Unsupported commands by name so the server can answer 406', () => {
    const xml = encodeMessage(roundTripMessages[1]!).replace('<Alert><CmdID>5</CmdID>', '<Atomic><CmdID>9</CmdID></Atomic><Alert><CmdID>5</CmdID>');
    const body = decodeMessage(xml).body;
    expect(body.find((c) => c.kind === 'Unsupported')).toEqual({ kind: 'Unsupported', name: 'Atomic', cmdID: 9 });
  });
});
