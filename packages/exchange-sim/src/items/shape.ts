import type { ExtendedUri } from '../store/model.js';
import { child, type XNode } from '../xml/xml-node.js';
import { ewsError } from '../soap/ews-error.js';
import { parseExtendedUri } from './extended.js';

export interface Shape {
  base: 'IdOnly' | 'Default' | 'AllProperties';
  uris: Set<string>;
  extended: ExtendedUri[];
  includeMime: boolean;
  bodyType?: 'HTML' | 'Text' | 'Best';
}

/** Reads an ItemShape / FolderShape (BaseShape, AdditionalProperties, IncludeMimeContent, BodyType). */
export function parseShape(node: XNode | undefined): Shape {
  const base = child(node, 'BaseShape')?.text.trim();
  if (base !== 'IdOnly' && base !== 'Default' && base !== 'AllProperties') {
    throw ewsError('ErrorSchemaValidation', `BaseShape '${base ?? ''}' is not valid.`, true);
  }
  const shape: Shape = { base, uris: new Set(), extended: [], includeMime: child(node, 'IncludeMimeContent')?.text.trim() === 'true' };
  const bodyType = child(node, 'BodyType')?.text.trim();
  if (bodyType === 'HTML' || bodyType === 'Text' || bodyType === 'Best') shape.bodyType = bodyType;
  for (const p of child(node, 'AdditionalProperties')?.children ?? []) {
    if (p.local === 'FieldURI' || p.local === 'IndexedFieldURI') shape.uris.add(p.attrs.FieldURI ?? '');
    else if (p.local === 'ExtendedFieldURI') shape.extended.push(parseExtendedUri(p));
  }
  return shape;
}

export const ID_ONLY: Shape = { base: 'IdOnly', uris: new Set(), extended: [], includeMime: false };
