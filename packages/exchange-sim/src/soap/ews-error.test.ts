import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../app.js';
import { MESSAGES } from './ews-error.js';

describe('EWS error registry', () => {
  it('uses only ResponseCodes the schema knows', () => {
    const xsd = readFileSync(`${SCHEMA_DIR}messages.xsd`, 'utf8');
    const block = xsd.slice(xsd.indexOf('name="ResponseCodeType"'), xsd.indexOf('</xs:simpleType>', xsd.indexOf('name="ResponseCodeType"')));
    const known = new Set([...block.matchAll(/value="(\w+)"/g)].map((m) => m[1]));
    expect(Object.keys(MESSAGES).filter((code) => !known.has(code))).toEqual([]);
  });
});
