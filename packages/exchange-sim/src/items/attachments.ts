import type { Attachment } from '../store/model.js';
import { childText, type XNode } from '../xml/xml-node.js';
import { el, textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';

/** A t:FileAttachment of a request; the id is assigned when it is stored. */
export function parseFileAttachment(node: XNode): Attachment {
  if (node.local !== 'FileAttachment') {
    throw ewsError('ErrorInvalidRequest', `${node.local} attachments are not supported by this server.`);
  }
  const content = (childText(node, 'Content') ?? '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw ewsError('ErrorSchemaValidation', 'Attachment content is not base64.', true);
  return {
    id: '',
    name: childText(node, 'Name') ?? 'attachment',
    contentType: childText(node, 'ContentType') ?? 'application/octet-stream',
    ...(childText(node, 'ContentId') ? { contentId: childText(node, 'ContentId')! } : {}),
    isInline: childText(node, 'IsInline') === 'true',
    content,
    lastModified: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export function renderFileAttachment(a: Attachment, root: { id: string; changeKey: string }, withContent: boolean): string {
  return (
    `<t:FileAttachment>${el('t:AttachmentId', { Id: a.id, RootItemId: root.id, RootItemChangeKey: root.changeKey })}` +
    `${textEl('t:Name', a.name)}${textEl('t:ContentType', a.contentType)}` +
    `${a.contentId ? textEl('t:ContentId', a.contentId) : ''}${textEl('t:Size', Math.floor((a.content.length * 3) / 4))}` +
    `${textEl('t:LastModifiedTime', a.lastModified)}${textEl('t:IsInline', a.isInline)}` +
    `${withContent ? textEl('t:Content', a.content) : ''}</t:FileAttachment>`
  );
}
