import { esc, el } from '../xml/xml-write.js';
import { NS_E, NS_M, NS_SOAP, NS_T, SERVER_VERSION } from './namespaces.js';

const SERVER_VERSION_INFO = el('h:ServerVersionInfo', {
  'xmlns:h': NS_T,
  'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  ...SERVER_VERSION,
});

/** A complete SOAP 1.1 response envelope around one m:*Response element. */
export function renderEnvelope(bodyInner: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<s:Envelope xmlns:s="${NS_SOAP}"><s:Header>${SERVER_VERSION_INFO}</s:Header>` +
    `<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `${bodyInner}</s:Body></s:Envelope>`
  );
}

/** The operation's response element with the m: and t: namespaces declared on it. */
export function renderOperationResponse(operation: string, responseMessages: string): string {
  return (
    `<m:${operation}Response xmlns:m="${NS_M}" xmlns:t="${NS_T}">` +
    `<m:ResponseMessages>${responseMessages}</m:ResponseMessages></m:${operation}Response>`
  );
}

export interface FaultOptions {
  code: string;
  message: string;
  messageXml?: string;
  /** SOAP 1.1 fault code class; Exchange uses the EWS code qualified with the types namespace. */
  soapClient?: boolean;
}

/** A SOAP fault as Exchange writes it: EWS code in faultcode and in detail/e:ResponseCode. */
export function renderFault(options: FaultOptions): string {
  const messageXml = options.messageXml ? `<t:MessageXml xmlns:t="${NS_T}">${options.messageXml}</t:MessageXml>` : '';
  const fault =
    `<s:Fault><faultcode xmlns:a="${NS_T}">a:${esc(options.code)}</faultcode>` +
    `<faultstring xml:lang="en-US">${esc(options.message)}</faultstring>` +
    `<detail><e:ResponseCode xmlns:e="${NS_E}">${esc(options.code)}</e:ResponseCode>` +
    `<e:Message xmlns:e="${NS_E}">${esc(options.message)}</e:Message>${messageXml}</detail></s:Fault>`;
  return '<?xml version="1.0" encoding="utf-8"?>' + `<s:Envelope xmlns:s="${NS_SOAP}"><s:Body>${fault}</s:Body></s:Envelope>`;
}

export function backOffXml(ms: number, prefix = 't'): string {
  return `<${prefix}:Value Name="BackOffMilliseconds">${ms}</${prefix}:Value>`;
}
