import { encodeDevInf } from './devinf.codec.js';
import type { Command, Cred, Item, ItemData, Location, MapCommand, Status, Sync, SyncHdr, SyncMLMessage } from './message.model.js';
import { SYNCML_NAMESPACE, SYNCML_VER_DTD, SYNCML_VER_PROTO } from './message.model.js';
import { encodeAnchor, encodeMeta, encodeMetInfContent } from './metinf.codec.js';
import { SyncmlEncodeError } from './syncml.error.js';
import { assertXmlChars, cdata, el, escapeText, flagEl, textEl } from './xml-writer.js';

export interface EncodeOptions {
  /** Write textual item Data as CDATA sections instead of escaped text (default false). */
  cdata?: boolean;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>` (default true). */
  xmlDeclaration?: boolean;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const FINAL_ELEMENT = '<Final/>';

function encodeLocation(name: string, loc: Location | undefined): string {
  return loc ? el(name, textEl('LocURI', loc.locURI) + textEl('LocName', loc.locName)) : '';
}

function encodeCred(cred: Cred | undefined): string {
  return cred ? el('Cred', encodeMeta(cred.meta) + textEl('Data', cred.data)) : '';
}

export function encodeData(data: ItemData | undefined, opts: EncodeOptions): string {
  if (data === undefined) return '';
  if (typeof data === 'string') {
    assertXmlChars(data, 'Item Data');
    return `<Data>${opts.cdata && data !== '' ? cdata(data) : escapeText(data)}</Data>`;
  }
  return el('Data', 'devInf' in data ? encodeDevInf(data.devInf) : encodeAnchor(data.anchor));
}

export function encodeItem(item: Item, opts: EncodeOptions = {}): string {
  return el(
    'Item',
    encodeLocation('Target', item.target) +
      encodeLocation('Source', item.source) +
      (item.sourceParent !== undefined ? el('SourceParent', textEl('LocURI', item.sourceParent)) : '') +
      (item.targetParent !== undefined ? el('TargetParent', textEl('LocURI', item.targetParent)) : '') +
      encodeMeta(item.meta) +
      encodeData(item.data, opts) +
      flagEl('MoreData', item.moreData),
  );
}

const items = (list: Item[] | undefined, opts: EncodeOptions): string => (list ?? []).map((i) => encodeItem(i, opts)).join('');
const refs = (name: string, list: string[] | undefined): string => (list ?? []).map((r) => textEl(name, r)).join('');

function encodeStatus(s: Status, opts: EncodeOptions): string {
  return el(
    'Status',
    textEl('CmdID', s.cmdID) +
      textEl('MsgRef', s.msgRef) +
      textEl('CmdRef', s.cmdRef) +
      textEl('Cmd', s.cmd) +
      refs('TargetRef', s.targetRef) +
      refs('SourceRef', s.sourceRef) +
      encodeCred(s.cred) +
      (s.chal ? el('Chal', el('Meta', encodeMetInfContent(s.chal.meta))) : '') +
      textEl('Data', s.data) +
      items(s.items, opts),
  );
}

function encodeMap(m: MapCommand): string {
  return el(
    'Map',
    textEl('CmdID', m.cmdID) +
      encodeLocation('Target', m.target) +
      encodeLocation('Source', m.source) +
      encodeCred(m.cred) +
      encodeMeta(m.meta) +
      m.mapItems.map((mi) => el('MapItem', encodeLocation('Target', mi.target) + encodeLocation('Source', mi.source))).join(''),
  );
}

/** The part of a Sync element before its nested commands (used by the splitter to measure). */
export function encodeSyncOpen(s: Omit<Sync, 'commands'>): string {
  return (
    '<Sync>' +
    textEl('CmdID', s.cmdID) +
    flagEl('NoResp', s.noResp) +
    encodeCred(s.cred) +
    encodeLocation('Target', s.target) +
    encodeLocation('Source', s.source) +
    encodeMeta(s.meta) +
    textEl('NumberOfChanges', s.numberOfChanges)
  );
}
export const SYNC_CLOSE = '</Sync>';

export function encodeCommand(cmd: Command, opts: EncodeOptions = {}): string {
  switch (cmd.kind) {
    case 'Add':
    case 'Replace':
    case 'Copy':
      return el(cmd.kind, textEl('CmdID', cmd.cmdID) + flagEl('NoResp', cmd.noResp) + encodeCred(cmd.cred) + encodeMeta(cmd.meta) + items(cmd.items, opts));
    case 'Delete':
      return el(
        'Delete',
        textEl('CmdID', cmd.cmdID) +
          flagEl('NoResp', cmd.noResp) +
          flagEl('Archive', cmd.archive) +
          flagEl('SftDel', cmd.softDelete) +
          encodeCred(cmd.cred) +
          encodeMeta(cmd.meta) +
          items(cmd.items, opts),
      );
    case 'Alert':
      return el(
        'Alert',
        textEl('CmdID', cmd.cmdID) + flagEl('NoResp', cmd.noResp) + encodeCred(cmd.cred) + textEl('Data', cmd.data) + textEl('Correlator', cmd.correlator) + items(cmd.items, opts),
      );
    case 'Get':
    case 'Put':
      return el(cmd.kind, textEl('CmdID', cmd.cmdID) + flagEl('NoResp', cmd.noResp) + textEl('Lang', cmd.lang) + encodeCred(cmd.cred) + encodeMeta(cmd.meta) + items(cmd.items, opts));
    case 'Results':
      return el(
        'Results',
        textEl('CmdID', cmd.cmdID) +
          textEl('MsgRef', cmd.msgRef) +
          textEl('CmdRef', cmd.cmdRef) +
          encodeMeta(cmd.meta) +
          textEl('TargetRef', cmd.targetRef) +
          textEl('SourceRef', cmd.sourceRef) +
          items(cmd.items, opts),
      );
    case 'Status':
      return encodeStatus(cmd, opts);
    case 'Map':
      return encodeMap(cmd);
    case 'Sync':
      return encodeSyncOpen(cmd) + cmd.commands.map((c) => encodeCommand(c, opts)).join('') + SYNC_CLOSE;
    case 'Unsupported':
      throw new SyncmlEncodeError('SYNCML_ENCODE_INVALID', `cannot encode unsupported command ${cmd.name}`);
  }
}

export function encodeHeader(h: SyncHdr): string {
  return el(
    'SyncHdr',
    textEl('VerDTD', SYNCML_VER_DTD) +
      textEl('VerProto', SYNCML_VER_PROTO) +
      textEl('SessionID', h.sessionID) +
      textEl('MsgID', h.msgID) +
      encodeLocation('Target', h.target) +
      encodeLocation('Source', h.source) +
      textEl('RespURI', h.respURI) +
      flagEl('NoResp', h.noResp) +
      encodeCred(h.cred) +
      encodeMeta(h.meta),
  );
}

/** Everything before the first command, and everything after the last (without Final). */
export function encodeEnvelope(header: SyncHdr, opts: EncodeOptions = {}): { head: string; tail: string } {
  const decl = opts.xmlDeclaration === false ? '' : XML_DECLARATION;
  return { head: `${decl}<SyncML xmlns="${SYNCML_NAMESPACE}">${encodeHeader(header)}<SyncBody>`, tail: '</SyncBody></SyncML>' };
}

/** Encodes a whole message (compact, no whitespace between elements). */
export function encodeMessage(message: SyncMLMessage, opts: EncodeOptions = {}): string {
  if (message.body.length === 0) {
    throw new SyncmlEncodeError('SYNCML_ENCODE_INVALID', 'SyncBody needs at least one command');
  }
  const { head, tail } = encodeEnvelope(message.header, opts);
  return head + message.body.map((c) => encodeCommand(c, opts)).join('') + (message.final ? FINAL_ELEMENT : '') + tail;
}
