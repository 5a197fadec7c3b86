import { child, type XNode } from '../xml/xml-node.js';
import { esc } from '../xml/xml-write.js';
import { parseXml, XmlRejected, type XmlLimits } from '../xml/xml-parse.js';
import { EwsError, ewsError, MESSAGES } from './ews-error.js';
import { NS_M, NS_SOAP, NS_T, REQUEST_VERSIONS } from './namespaces.js';

export interface SoapRequest {
  operation: string;
  body: XNode;
  header: XNode | undefined;
  impersonate?: { kind: string; value: string };
  /** Windows time-zone id of the TimeZoneContext header. */
  timeZone?: string;
}

/** Parses and checks the envelope; what Exchange would refuse becomes a fault-flagged EwsError. */
export function readSoapRequest(xml: string, limits: XmlLimits, knownOperations: Set<string>): SoapRequest {
  let root: XNode;
  try {
    root = parseXml(xml.replace(/^\uFEFF/, ''), limits);
  } catch (error) {
    if (error instanceof XmlRejected) {
      const code = error.reason === 'malformed' ? 'ErrorSchemaValidation' : 'ErrorInvalidRequest';
      // Exchange reports where a schema validation error is, in MessageXml.
      const messageXml = error.position
        ? `<t:LineNumber>${error.position.line}</t:LineNumber><t:LinePosition>${error.position.column}</t:LinePosition><t:Violation>${esc(error.message)}</t:Violation>`
        : undefined;
      throw new EwsError(code, `${code === 'ErrorSchemaValidation' ? 'The request failed schema validation: ' : 'The request is invalid: '}${error.message}`, { fault: true, messageXml });
    }
    throw error;
  }
  if (root.local !== 'Envelope' || root.ns !== NS_SOAP) {
    throw new EwsError('ErrorSchemaValidation', `The request failed schema validation: The root element must be a SOAP 1.1 Envelope (found '${root.local}' in namespace '${root.ns}').`, { fault: true });
  }
  const header = child(root, 'Header');
  const bodyNode = child(root, 'Body');
  const body = bodyNode?.children[0];
  if (!bodyNode || bodyNode.ns !== NS_SOAP || !body) {
    throw new EwsError('ErrorSchemaValidation', `${MESSAGES.ErrorSchemaValidation} The SOAP Body is missing or empty.`, { fault: true });
  }
  if (body.ns !== NS_M) {
    throw new EwsError('ErrorSchemaValidation', `The request failed schema validation: The element '${body.local}' in namespace '${body.ns}' is not expected in the SOAP Body.`, { fault: true });
  }
  if (!knownOperations.has(body.local)) {
    throw new EwsError('ErrorSchemaValidation', `The request failed schema validation: The element '${body.local}' in namespace '${NS_M}' is not declared.`, { fault: true });
  }
  const request: SoapRequest = { operation: body.local, body, header };
  const version = child(header, 'RequestServerVersion');
  if (version && (version.ns !== NS_T || !REQUEST_VERSIONS.has(version.attrs.Version ?? ''))) {
    throw ewsError('ErrorInvalidServerVersion', undefined, true);
  }
  const zone = child(child(header, 'TimeZoneContext'), 'TimeZoneDefinition')?.attrs.Id;
  if (zone) request.timeZone = zone;
  const impersonation = child(header, 'ExchangeImpersonation');
  if (impersonation) {
    const sid = child(impersonation, 'ConnectingSID')?.children[0];
    if (!sid || impersonation.ns !== NS_T) throw ewsError('ErrorSchemaValidation', 'ExchangeImpersonation needs a ConnectingSID.', true);
    request.impersonate = { kind: sid.local, value: sid.text.trim() };
  }
  return request;
}
