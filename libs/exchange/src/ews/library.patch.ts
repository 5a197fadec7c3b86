import { createRequire } from 'node:module';
import { EwsServiceXmlWriter, TimeZoneInfo } from 'ews-javascript-api';

// XML 1.0 forbids these control characters even when escaped; Exchange rejects the request.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: the library's own tables already hold some escaped text ("US &amp; Canada"). */
export function escapeAttribute(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;');
}

interface WriterPrototype {
  WriteValue(value: unknown, name: unknown): void;
  WriteAttributeString(...args: unknown[]): void;
  __connectorEscaping?: boolean;
}

/**
 * ews-javascript-api 0.15.3 concatenates element text and attribute values into the SOAP body
 * without escaping: a subject "Müller & Söhne" or "<b>" produces malformed XML (Exchange answers
 * ErrorSchemaValidation; worse, crafted CRM text could inject elements). Every text value goes
 * through WriteValue and every attribute through WriteAttributeString, so escaping there fixes it
 * for all requests.
 */
function installXmlEscaping(): void {
  const proto = EwsServiceXmlWriter.prototype as unknown as WriterPrototype;
  if (proto.__connectorEscaping) return;
  const writeValue = proto.WriteValue;
  const writeAttribute = proto.WriteAttributeString;
  proto.WriteValue = function (value: unknown, name: unknown) {
    return writeValue.call(this, typeof value === 'string' ? escapeText(value) : value, name);
  };
  proto.WriteAttributeString = function (...args: unknown[]) {
    const last = args.length - 1;
    if (typeof args[last] === 'string') args[last] = escapeAttribute(args[last] as string);
    return writeAttribute.apply(this, args);
  };
  proto.__connectorEscaping = true;
}

interface TimeZoneDefinitionPrototype {
  Id?: string;
  ToTimeZoneInfo(service: unknown, parse?: boolean): TimeZoneInfo;
  __connectorIdFirst?: boolean;
}

/**
 * A StartTimeZone given only by Id and Name (no Periods/Transitions; schema-valid, sent by some
 * servers and by exchange-sim) fails the library's Validate() before it looks at the Id, and the
 * appointment reads back with no time zone. The library resolves zones by Id anyway, so do that first.
 */
function installTimeZoneIdFirst(): void {
  const require = createRequire(import.meta.url);
  const mod = require('ews-javascript-api/js/ComplexProperties/TimeZones/TimeZoneDefinition.js') as { TimeZoneDefinition: { prototype: TimeZoneDefinitionPrototype } };
  const proto = mod.TimeZoneDefinition.prototype;
  if (proto.__connectorIdFirst) return;
  const original = proto.ToTimeZoneInfo;
  proto.ToTimeZoneInfo = function (service: unknown, parse?: boolean) {
    if (!parse && this.Id) {
      try {
        return TimeZoneInfo.FindSystemTimeZoneById(this.Id);
      } catch {
        // unknown id: fall through to the library's own reading of the periods
      }
    }
    return original.call(this, service, parse);
  };
  proto.__connectorIdFirst = true;
}

/** Work-arounds for ews-javascript-api 0.15.3 defects, installed once per process (idempotent). */
export function installLibraryPatches(): void {
  installXmlEscaping();
  installTimeZoneIdFirst();
}
