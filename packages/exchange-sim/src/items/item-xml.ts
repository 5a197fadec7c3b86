import type { Item, ItemKind } from '../store/model.js';
import type { NewItem } from '../store/mailbox-store.js';
import type { XNode } from '../xml/xml-node.js';
import { textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { extendedKey, parseExtendedProperty, renderExtendedProperty } from './extended.js';
import { EXTENDED_SLOT, PROPERTIES, propByName, type RenderContext } from './properties.js';
import type { Shape } from './shape.js';
import { parseFileAttachment } from './attachments.js';

export const ELEMENT_OF_KIND: Record<ItemKind, string> = {
  message: 'Message', calendar: 'CalendarItem', contact: 'Contact', task: 'Task',
};

export const KIND_OF_ELEMENT: Record<string, ItemKind> = {
  Message: 'message', CalendarItem: 'calendar', Contact: 'contact', Task: 'task', Item: 'message',
};

/** Elements FindItem never returns (Exchange refuses them in a FindItem shape). */
const NOT_IN_FIND = new Set(['Body', 'MimeContent', 'Attachments', 'ModifiedOccurrences', 'DeletedOccurrences', 'FirstOccurrence']);

export interface RenderOptions {
  forFind?: boolean;
}

function convertBody(xml: string, wanted: Shape['bodyType']): string {
  if (!wanted || wanted === 'Best' || !xml.startsWith('<t:Body BodyType="HTML"') || wanted === 'HTML') return xml;
  const value = /^<t:Body[^>]*>([\s\S]*)<\/t:Body>$/.exec(xml)?.[1] ?? '';
  const plain = value.replace(/&lt;[^&]*?&gt;/g, '').trim();
  return textEl('t:Body', '', { BodyType: 'Text', IsTruncated: 'false' }).replace('></t:Body>', `>${plain}</t:Body>`);
}

/** One item element (t:Message, t:CalendarItem…) with the properties the shape asks for, in schema order. */
export function renderItem(item: Item, shape: Shape, ctx: RenderContext, options: RenderOptions = {}): string {
  const element = ELEMENT_OF_KIND[item.kind];
  let inner = '';
  for (const def of PROPERTIES[item.kind]) {
    if (def.name === EXTENDED_SLOT) {
      for (const uri of shape.extended) {
        const found = item.extended?.find((e) => e.key === extendedKey(uri));
        if (found) inner += renderExtendedProperty(uri, found.value);
      }
      continue;
    }
    const wanted =
      def.name === 'ItemId' ||
      (def.name === 'MimeContent' ? shape.includeMime || shape.uris.has(def.uri) : shape.uris.has(def.uri) ||
        (shape.base === 'AllProperties' ? true : shape.base === 'Default' && def.inDefault));
    if (!wanted || (options.forFind && NOT_IN_FIND.has(def.name))) continue;
    const xml = def.render(item, ctx);
    inner += def.name === 'Body' ? convertBody(xml, shape.bodyType) : xml;
  }
  return `<t:${element}>${inner}</t:${element}>`;
}

export interface ParsedItem extends NewItem {
  /** Element names in the order given; UpdateItem uses them as the changed fields. */
  names: string[];
}

/** Reads an item element of a CreateItem / SetItemField into the stored form. */
export function parseItem(node: XNode): ParsedItem {
  const kind = KIND_OF_ELEMENT[node.local];
  if (!kind) throw ewsError('ErrorInvalidRequest', `Items of type ${node.local} are not supported by this server.`);
  const parsed: ParsedItem = { kind, fields: {}, names: [] };
  for (const n of node.children) {
    parsed.names.push(n.local);
    if (n.local === 'ExtendedProperty') (parsed.extended ??= []).push(parseExtendedProperty(n));
    else if (n.local === 'MimeContent') parsed.mime = n.text.trim();
    else if (n.local === 'ItemClass') parsed.itemClass = n.text.trim();
    else if (n.local === 'Attachments') parsed.attachments = n.children.map(parseFileAttachment);
    else {
      const def = propByName(kind, n.local);
      if (!def) continue; // schema-valid properties this server does not model are accepted and dropped
      if (!def.settable || !def.codec) {
        throw ewsError('ErrorInvalidPropertySet', `The property ${n.local} is read-only.`);
      }
      parsed.fields[n.local] = def.codec.parse(n);
    }
  }
  return parsed;
}
