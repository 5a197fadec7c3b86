import { NS } from './sim-harness.test-support.js';

export const folderId = (id: string) => (/^[a-z]+$/.test(id) ? `<t:DistinguishedFolderId Id="${id}"/>` : `<t:FolderId Id="${id}"/>`);

export function createItem(items: string, attrs = 'MessageDisposition="SaveOnly" SendMeetingInvitations="SendToNone"', folder?: string): string {
  const saved = folder ? `<m:SavedItemFolderId>${folderId(folder)}</m:SavedItemFolderId>` : '';
  return `<m:CreateItem ${NS} ${attrs}>${saved}<m:Items>${items}</m:Items></m:CreateItem>`;
}

export function getItem(ids: string[], shape = 'AllProperties', extra = ''): string {
  return (
    `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>${shape}</t:BaseShape>${extra}</m:ItemShape>` +
    `<m:ItemIds>${ids.map((id) => `<t:ItemId Id="${id}"/>`).join('')}</m:ItemIds></m:GetItem>`
  );
}

export function updateItem(id: string, changeKey: string | undefined, updates: string, attrs = 'ConflictResolution="AutoResolve" MessageDisposition="SaveOnly" SendMeetingInvitationsOrCancellations="SendToNone"'): string {
  const ck = changeKey ? ` ChangeKey="${changeKey}"` : '';
  return `<m:UpdateItem ${NS} ${attrs}><m:ItemChanges><t:ItemChange><t:ItemId Id="${id}"${ck}/><t:Updates>${updates}</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`;
}

export const setField = (uri: string, element: string, inner: string) => `<t:SetItemField><t:FieldURI FieldURI="${uri}"/><t:${element}>${inner}</t:${element}></t:SetItemField>`;

export function deleteItem(ids: string[], type = 'HardDelete'): string {
  return `<m:DeleteItem ${NS} DeleteType="${type}" SendMeetingCancellations="SendToNone" AffectedTaskOccurrences="AllOccurrences"><m:ItemIds>${ids.map((id) => `<t:ItemId Id="${id}"/>`).join('')}</m:ItemIds></m:DeleteItem>`;
}

export function syncItems(folder: string, state?: string, max = 512, shape = 'IdOnly'): string {
  return (
    `<m:SyncFolderItems ${NS}><m:ItemShape><t:BaseShape>${shape}</t:BaseShape></m:ItemShape><m:SyncFolderId>${folderId(folder)}</m:SyncFolderId>` +
    `${state ? `<m:SyncState>${state}</m:SyncState>` : ''}<m:MaxChangesReturned>${max}</m:MaxChangesReturned></m:SyncFolderItems>`
  );
}

export function findItem(folder: string, options: { view?: string; restriction?: string; sort?: string; shape?: string; extra?: string } = {}): string {
  return (
    `<m:FindItem ${NS} Traversal="Shallow"><m:ItemShape><t:BaseShape>${options.shape ?? 'IdOnly'}</t:BaseShape>${options.extra ?? ''}</m:ItemShape>` +
    `${options.view ?? ''}${options.restriction ? `<m:Restriction>${options.restriction}</m:Restriction>` : ''}` +
    `${options.sort ? `<m:SortOrder>${options.sort}</m:SortOrder>` : ''}<m:ParentFolderIds>${folderId(folder)}</m:ParentFolderIds></m:FindItem>`
  );
}

export const LINK_PROP = 'PropertySetId="c11ff724-aa03-4555-9952-8fa248a11c3e" PropertyName="CrmLinkId" PropertyType="String"';
