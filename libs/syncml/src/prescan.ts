import type { SyncmlLimits } from './limits.config.js';
import { SyncmlLimitError, SyncmlParseError } from './syncml.error.js';

const COMMAND_NAMES = new Set([
  'Add', 'Alert', 'Atomic', 'Copy', 'Delete', 'Exec', 'Get', 'Map', 'Move', 'Put',
  'Replace', 'Results', 'Search', 'Sequence', 'Status', 'Sync',
]);
const COMMAND_PARENTS = new Set(['SyncBody', 'Sync', 'Atomic', 'Sequence']);
const NAME = /[^\s/>]+/y;

export interface PrescanResult {
  elements: number;
  commands: number;
  items: number;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function malformed(detail: string): SyncmlParseError {
  return new SyncmlParseError('SYNCML_MALFORMED_XML', detail);
}

/**
 * Linear scan over the raw text: rejects DTDs, checks tag balance and counts elements,
 * depth, commands and items against the limits before the real parser allocates anything.
 */
export function prescan(xml: string, limits: SyncmlLimits): PrescanResult {
  const stack: string[] = [];
  let elements = 0;
  let commands = 0;
  let items = 0;
  let rootClosed = false;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (stack.length === 0 && /\S/.test(xml.slice(i, textEnd).replace(/^\uFEFF/, ''))) {
      throw malformed('text outside the root element');
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      i = skipPast(xml, '?>', lt + 2, 'processing instruction');
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        i = skipPast(xml, '-->', lt + 4, 'comment');
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) throw malformed('CDATA outside the root element');
        i = skipPast(xml, ']]>', lt + 9, 'CDATA section');
        continue;
      }
      const decl = xml.slice(lt, lt + 12).toUpperCase();
      if (decl.startsWith('<!DOCTYPE') || decl.startsWith('<!ENTITY')) {
        throw new SyncmlParseError('SYNCML_DTD_FORBIDDEN', `found ${decl.split(/\s/)[0]} at offset ${lt}`);
      }
      throw malformed(`unexpected markup declaration at offset ${lt}`);
    }
    const closing = next === 47; /* / */
    NAME.lastIndex = closing ? lt + 2 : lt + 1;
    const m = NAME.exec(xml);
    if (!m) throw malformed(`tag without a name at offset ${lt}`);
    const qname = m[0];
    const gt = findTagEnd(xml, NAME.lastIndex);
    if (closing) {
      const open = stack.pop();
      if (open !== qname) throw malformed(`</${qname}> does not close <${open ?? ''}>`);
      if (stack.length === 0) rootClosed = true;
      i = gt + 1;
      continue;
    }
    if (rootClosed || (stack.length === 0 && elements > 0)) throw malformed('more than one root element');
    elements++;
    if (elements > limits.maxElements) {
      throw new SyncmlLimitError('SYNCML_TOO_MANY_ELEMENTS', `more than ${limits.maxElements}`);
    }
    const depth = stack.length + 1;
    if (depth > limits.maxDepth) throw new SyncmlLimitError('SYNCML_TOO_DEEP', `more than ${limits.maxDepth} levels`);
    const name = localName(qname);
    const parent = stack.length > 0 ? localName(stack[stack.length - 1] as string) : undefined;
    if (parent !== undefined && COMMAND_PARENTS.has(parent) && COMMAND_NAMES.has(name)) {
      commands++;
      if (commands > limits.maxCommands) {
        throw new SyncmlLimitError('SYNCML_TOO_MANY_COMMANDS', `more than ${limits.maxCommands}`);
      }
    } else if (name === 'Item' || name === 'MapItem') {
      items++;
      if (items > limits.maxItems) throw new SyncmlLimitError('SYNCML_TOO_MANY_ITEMS', `more than ${limits.maxItems}`);
    }
    if (xml.charCodeAt(gt - 1) !== 47 /* / */) stack.push(qname);
    else if (stack.length === 0) rootClosed = true;
    i = gt + 1;
  }
  if (stack.length > 0) throw malformed(`<${stack[stack.length - 1]}> is never closed`);
  if (elements === 0) throw malformed('no root element');
  return { elements, commands, items };
}

function skipPast(xml: string, terminator: string, from: number, what: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw malformed(`unterminated ${what}`);
  return end + terminator.length;
}

/** Index of the `>` ending a tag, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return j;
    } else if (c === 60) {
      throw malformed(`'<' inside a tag at offset ${j}`);
    }
  }
  throw malformed('unterminated tag');
}
