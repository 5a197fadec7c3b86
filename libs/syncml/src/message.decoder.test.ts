import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, SyncmlError, SyncmlLimitError, SyncmlParseError, type SyncmlErrorCode } from './index.js';
import { roundTripMessages } from './fixtures.test-support.js';

const HDR = '<SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>t</LocURI></Target><Source><LocURI>s</LocURI></Source></SyncHdr>';
const wrap = (body: string, ns = ' xmlns="SYNCML:SYNCML1.2"'): string => `<SyncML${ns}>${HDR}<SyncBody>${body}<Final/></SyncBody></SyncML>`;
const ALERT = '<Alert><CmdID>1</CmdID><Data>200</Data></Alert>';

function codeOf(fn: () => unknown): { code: SyncmlErrorCode; error: SyncmlError } {
  try {
    fn();
  } catch (error) {
    if (error instanceof SyncmlError) return { code: error.code, error };
    throw error;
  }
  throw new Error('expected a SyncmlError');
}

function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

describe('hardened decoding', () => {
  it('rejects an entity bomb (billion laughs) before expanding anything', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE SyncML [<!ENTITY lol0 "lol">${lol}]>${wrap(`<Alert><CmdID>1</CmdID><Data>&lol9;</Data></Alert>`)}`;
    const { result, ms } = timed(() => codeOf(() => decodeMessage(xml)));
    expect(result.code).toBe('SYNCML_DTD_FORBIDDEN');
    expect(result.error).toBeInstanceOf(SyncmlParseError);
    expect(ms).toBeLessThan(100);
  });

  it('rejects external entities (XXE) and undefined entity references', () => {
    expect(codeOf(() => decodeMessage(`<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${wrap(ALERT)}`)).code).toBe('SYNCML_DTD_FORBIDDEN');
    expect(codeOf(() => decodeMessage(wrap('<Alert><CmdID>1</CmdID><Data>&xxe;</Data></Alert>'))).code).toBe('SYNCML_DTD_FORBIDDEN');
    expect(codeOf(() => decodeMessage(`${wrap(ALERT)}<!ENTITY late "x">`)).code).toBe('SYNCML_DTD_FORBIDDEN');
  });

  it('rejects a 100 MB body by size without parsing it (string and Buffer)', () => {
    const huge = `${wrap(ALERT).slice(0, -30)}${'x'.repeat(100 * 1024 * 1024)}`;
    const asString = timed(() => codeOf(() => decodeMessage(huge)));
    expect(asString.result.code).toBe('SYNCML_BODY_TOO_LARGE');
    expect(asString.result.error).toBeInstanceOf(SyncmlLimitError);
    expect(asString.ms).toBeLessThan(50);
    const buffer = Buffer.alloc(100 * 1024 * 1024, 0x20);
    expect(timed(() => codeOf(() => decodeMessage(buffer))).result.code).toBe('SYNCML_BODY_TOO_LARGE');
    expect(codeOf(() => decodeMessage(wrap(ALERT), { maxBytes: 100 })).code).toBe('SYNCML_BODY_TOO_LARGE');
  });

  it('counts multi-byte characters as bytes against maxBytes', () => {
    const xml = wrap(`<Add><CmdID>1</CmdID><Item><Data>${'€'.repeat(400)}</Data></Item></Add>`);
    expect(xml.length).toBeLessThan(1100);
    expect(codeOf(() => decodeMessage(xml, { maxBytes: 1100 })).code).toBe('SYNCML_BODY_TOO_LARGE');
  });

  it('rejects 100,000 empty commands quickly, before building objects', () => {
    const xml = wrap('<Add/>'.repeat(100_000));
    const { result, ms } = timed(() => codeOf(() => decodeMessage(xml)));
    expect(result.code).toBe('SYNCML_TOO_MANY_COMMANDS');
    expect(result.error.status).toBe(400);
    expect(ms).toBeLessThan(500);
  });

  it('rejects deep nesting', () => {
    const deep = `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`;
    const { result, ms } = timed(() => codeOf(() => decodeMessage(wrap(`<Add><CmdID>1</CmdID><Item><Data>${deep}</Data></Item></Add>`))));
    expect(result.code).toBe('SYNCML_TOO_DEEP');
    expect(ms).toBeLessThan(200);
    expect(codeOf(() => decodeMessage(wrap(ALERT), { maxDepth: 3 })).code).toBe('SYNCML_TOO_DEEP');
  });

  it('limits items and elements', () => {
    const items = '<Item><Target><LocURI>x</LocURI></Target></Item>'.repeat(11);
    expect(codeOf(() => decodeMessage(wrap(`<Delete><CmdID>1</CmdID>${items}</Delete>`), { maxItems: 10 })).code).toBe('SYNCML_TOO_MANY_ITEMS');
    expect(codeOf(() => decodeMessage(wrap(ALERT), { maxElements: 10 })).code).toBe('SYNCML_TOO_MANY_ELEMENTS');
    expect(codeOf(() => decodeMessage(wrap(ALERT.repeat(3)), { maxCommands: 2 })).code).toBe('SYNCML_TOO_MANY_COMMANDS');
  });

  it('rejects wrong namespaces and versions with clear codes', () => {
    expect(codeOf(() => decodeMessage(wrap(ALERT, ' xmlns="urn:example:other"'))).code).toBe('SYNCML_WRONG_NAMESPACE');
    const v11 = codeOf(() => decodeMessage(wrap(ALERT, ' xmlns="SYNCML:SYNCML1.1"')));
    expect(v11.code).toBe('SYNCML_UNSUPPORTED_DTD');
    expect(v11.error.status).toBe(505);
    expect(codeOf(() => decodeMessage(wrap(ALERT).replace('<VerDTD>1.2', '<VerDTD>1.1'))).code).toBe('SYNCML_UNSUPPORTED_DTD');
    expect(codeOf(() => decodeMessage(wrap(ALERT).replace('SyncML/1.2', 'DM/1.2'))).error.status).toBe(513);
    expect(codeOf(() => decodeMessage('<html><body/></html>')).code).toBe('SYNCML_NOT_SYNCML');
    expect(codeOf(() => decodeMessage(wrap(ALERT, ' xmlns:p="urn:x"').replace('<SyncHdr>', '<p:SyncHdr>').replace('</SyncHdr>', '</p:SyncHdr>'))).code).toBe('SYNCML_MISSING_ELEMENT');
  });

  it.each([
    ['unclosed element', wrap(ALERT).slice(0, -9)],
    ['mismatched end tag', wrap('<Alert><CmdID>1</CmdID></Alrt>')],
    ['bare ampersand', wrap('<Alert><CmdID>1</CmdID><Correlator>a & b;</Correlator></Alert>')],
    ['text after the root', `${wrap(ALERT)}trailing`],
    ['two roots', `${wrap(ALERT)}${wrap(ALERT)}`],
    ['not XML at all', 'hello world'],
    ['empty input', ''],
    ['unterminated CDATA', wrap('<Add><CmdID>1</CmdID><Item><Data><![CDATA[abc</Data></Item></Add>')],
    ['invalid character reference', wrap('<Alert><CmdID>1</CmdID><Correlator>&#0;</Correlator></Alert>')],
    ['undeclared prefix', wrap('<x:Alert><CmdID>1</CmdID></x:Alert>')],
  ])('rejects malformed XML: %s', (_name, xml) => {
    expect(codeOf(() => decodeMessage(xml)).code).toBe('SYNCML_MALFORMED_XML');
  });

  it('rejects structural errors with element names in the message', () => {
    const missing = codeOf(() => decodeMessage(`<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>${ALERT}</SyncBody></SyncML>`));
    expect(missing.code).toBe('SYNCML_MISSING_ELEMENT');
    expect(missing.error.message).toContain('<SyncHdr>');
    expect(codeOf(() => decodeMessage(wrap('<Alert><CmdID>one</CmdID></Alert>'))).code).toBe('SYNCML_INVALID_VALUE');
    expect(codeOf(() => decodeMessage(wrap('<Frobnicate><CmdID>1</CmdID></Frobnicate>'))).code).toBe('SYNCML_UNEXPECTED_ELEMENT');
  });

  it('accepts DOCTYPE-looking text inside CDATA and comments (e.g. an HTML mail body)', () => {
    const html = '<!DOCTYPE html><html><body>&nbsp;<!ENTITY x "y"></body></html>';
    const xml = wrap(`<!-- <!DOCTYPE in a comment --><Add><CmdID>1</CmdID><Item><Data><![CDATA[${html}]]></Data></Item></Add>`);
    const add = decodeMessage(xml).body[0];
    expect(add?.kind === 'Add' && add.items[0]?.data).toBe(html);
  });

  it('accepts a message without the SyncML namespace (VerDTD decides) and with a BOM', () => {
    expect(decodeMessage(wrap(ALERT, '')).body).toHaveLength(1);
    expect(decodeMessage(`\uFEFF${encodeMessage(roundTripMessages[0]!)}`)).toEqual(roundTripMessages[0]);
  });
});

describe('byte input', () => {
  const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

  it('decodes UTF-8 bytes and rejects invalid UTF-8', () => {
    const xml = wrap('<Alert><CmdID>1</CmdID><Correlator>Grüße</Correlator></Alert>');
    const alert = decodeMessage(Buffer.from(xml, 'utf8')).body[0];
    expect(alert?.kind === 'Alert' && alert.correlator).toBe('Grüße');
    const broken = Buffer.concat([Buffer.from(xml.slice(0, 100)), Buffer.from([0xc3, 0x28]), Buffer.from(xml.slice(100))]);
    expect(codeOf(() => decodeMessage(broken)).code).toBe('SYNCML_MALFORMED_XML');
  });

  it('honours an ISO-8859-1 declaration and refuses unknown encodings', () => {
    const body = wrap('<Alert><CmdID>1</CmdID><Correlator>Grüße</Correlator></Alert>');
    const alert = decodeMessage(latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>${body}`)).body[0];
    expect(alert?.kind === 'Alert' && alert.correlator).toBe('Grüße');
    expect(codeOf(() => decodeMessage(latin1(`<?xml version="1.0" encoding="EBCDIC-XY"?>${body}`))).code).toBe('SYNCML_MALFORMED_XML');
  });
});

describe('cost of legitimate input', () => {
  it('decodes a 2 MB message of 5,000 vCards in bounded time', () => {
    const card = 'BEGIN:VCARD&#13;\nVERSION:3.0&#13;\nFN:Person &amp; Co&#13;\nN:P;Co;;;&#13;\nEMAIL:p@example.com&#13;\nNOTE:' + 'n'.repeat(200) + '&#13;\nEND:VCARD&#13;\n';
    const adds = Array.from({ length: 5000 }, (_, i) => `<Add><CmdID>${i + 2}</CmdID><Item><Source><LocURI>L${i}</LocURI></Source><Data>${card}</Data></Item></Add>`).join('');
    const xml = wrap(`<Sync><CmdID>1</CmdID><Target><LocURI>contacts</LocURI></Target>${adds}</Sync>`);
    expect(xml.length).toBeGreaterThan(1_500_000);
    const { result, ms } = timed(() => decodeMessage(xml));
    const sync = result.body[0];
    expect(sync?.kind === 'Sync' && sync.commands.length).toBe(5000);
    // ~0.3 s on an idle machine (fast-xml-parser dominates); generous for shared CI runners.
    expect(ms).toBeLessThan(3000);
  });
});
