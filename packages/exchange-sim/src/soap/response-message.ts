import { esc } from '../xml/xml-write.js';
import type { EwsError } from './ews-error.js';

/** One m:*ResponseMessage. `inner` follows the ResponseMessageType base elements. */
export function successMessage(messageName: string, inner = '', attrs = ''): string {
  return `<m:${messageName} ResponseClass="Success"${attrs}><m:ResponseCode>NoError</m:ResponseCode>${inner}</m:${messageName}>`;
}

export function warningMessage(messageName: string, code: string, text: string, inner = ''): string {
  return (
    `<m:${messageName} ResponseClass="Warning"><m:MessageText>${esc(text)}</m:MessageText>` +
    `<m:ResponseCode>${esc(code)}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>${inner}</m:${messageName}>`
  );
}

/**
 * Error messages carry the empty containers the schema requires for some message types
 * (e.g. ItemInfoResponseMessageType needs m:Items), passed as `inner`.
 */
export function errorMessage(messageName: string, error: EwsError, inner = ''): string {
  const messageXml = error.options.messageXml ? `<m:MessageXml>${error.options.messageXml}</m:MessageXml>` : '';
  return (
    `<m:${messageName} ResponseClass="Error"><m:MessageText>${esc(error.message)}</m:MessageText>` +
    `<m:ResponseCode>${esc(error.code)}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` +
    `${messageXml}${inner}</m:${messageName}>`
  );
}
