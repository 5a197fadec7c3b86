import type { ExtendedUri, ExtendedValue } from '../store/model.js';
import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el, textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';

/** GUIDs of the distinguished property sets ([MS-OXPROPS]). */
const PROPERTY_SETS: Record<string, string> = {
  Meeting: '6ed8da90-450b-101b-98da-00aa003f1305',
  Appointment: '00062002-0000-0000-c000-000000000046',
  Common: '00062008-0000-0000-c000-000000000046',
  PublicStrings: '00020329-0000-0000-c000-000000000046',
  Address: '00062004-0000-0000-c000-000000000046',
  InternetHeaders: '00020386-0000-0000-c000-000000000046',
  CalendarAssistant: '11000e07-b51b-40d6-af21-caa85edab1d0',
  UnifiedMessaging: '4442858e-a9e3-4e80-b900-317a210cc15b',
  Task: '00062003-0000-0000-c000-000000000046',
  Sharing: '00062040-0000-0000-c000-000000000046',
};

export function parseExtendedUri(node: XNode): ExtendedUri {
  const a = node.attrs;
  if (!a.PropertyType) throw ewsError('ErrorSchemaValidation', 'ExtendedFieldURI needs PropertyType.', true);
  const uri: ExtendedUri = { PropertyType: a.PropertyType };
  for (const key of ['DistinguishedPropertySetId', 'PropertySetId', 'PropertyTag', 'PropertyName', 'PropertyId'] as const) {
    if (a[key] !== undefined) uri[key] = a[key];
  }
  const named = uri.PropertyName !== undefined || uri.PropertyId !== undefined;
  const hasSet = uri.DistinguishedPropertySetId !== undefined || uri.PropertySetId !== undefined;
  if (uri.PropertyTag !== undefined ? named || hasSet : !(named && hasSet)) {
    throw ewsError('ErrorInvalidPropertyRequest', 'ExtendedFieldURI needs a PropertyTag, or a property set with a name or id.');
  }
  return uri;
}

/** Canonical identity: the same property asked for by tag in hex or decimal, or by set name or GUID, matches. */
export function extendedKey(uri: ExtendedUri): string {
  if (uri.PropertyTag !== undefined) {
    const tag = uri.PropertyTag.toLowerCase().startsWith('0x') ? parseInt(uri.PropertyTag, 16) : Number(uri.PropertyTag);
    return `tag:${tag}`;
  }
  const set = (uri.PropertySetId ?? PROPERTY_SETS[uri.DistinguishedPropertySetId ?? ''] ?? uri.DistinguishedPropertySetId ?? '').toLowerCase();
  return uri.PropertyName !== undefined ? `${set}:name:${uri.PropertyName}` : `${set}:id:${Number(uri.PropertyId)}`;
}

export function parseExtendedProperty(node: XNode): ExtendedValue {
  const uriNode = child(node, 'ExtendedFieldURI');
  if (!uriNode) throw ewsError('ErrorSchemaValidation', 'ExtendedProperty needs ExtendedFieldURI.', true);
  const uri = parseExtendedUri(uriNode);
  const values = child(node, 'Values');
  const value = values ? childrenNamed(values, 'Value').map((v) => v.text) : (child(node, 'Value')?.text ?? '');
  return { key: extendedKey(uri), uri, value };
}

export function renderExtendedUri(uri: ExtendedUri): string {
  return el('t:ExtendedFieldURI', { ...uri, PropertyType: uri.PropertyType });
}

export function renderExtendedProperty(uri: ExtendedUri, value: string | string[]): string {
  const inner = Array.isArray(value)
    ? el('t:Values', undefined, value.map((v) => textEl('t:Value', v)).join(''))
    : textEl('t:Value', value);
  return `<t:ExtendedProperty>${renderExtendedUri(uri)}${inner}</t:ExtendedProperty>`;
}

/** Typed comparison value of an extended property (restrictions compare numbers as numbers). */
export function typedValue(type: string, value: string): string | number | boolean {
  if (/^(Integer|Long|Short|Double|Float|Currency)$/.test(type)) return Number(value);
  if (type === 'Boolean') return value.toLowerCase() === 'true';
  if (type === 'SystemTime') return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  if (type === 'CLSID') return value.toLowerCase();
  return value;
}
