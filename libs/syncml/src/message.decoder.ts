import { decodeDevInf } from './devinf.codec.js';
import type { SyncmlLimits } from './limits.config.js';
import { resolveLimits } from './limits.config.js';
import type { Command, Cred, Item, ItemData, Location, Status, Sync, SyncChild, SyncHdr, SyncMLMessage } from './message.model.js';
import { SYNCML_NAMESPACE, SYNCML_VER_DTD, SYNCML_VER_PROTO } from './message.model.js';
import { decodeAnchor, decodeMetInf, decodeOptMeta } from './metinf.codec.js';
import { SyncmlParseError } from './syncml.error.js';
import type { XmlElement } from './xml-tree.js';
import { parseXml } from './xml-tree.js';
import { child, childrenNamed, compact, flag, optInt, optText, reqInt, reqText, requireChild, textsNamed } from './xml-read.js';

const UNSUPPORTED = new Set(['Atomic', 'Sequence', 'Exec', 'Search', 'Move']);

function decodeLocation(e: XmlElement | undefined): Location | undefined {
  return e ? compact({ locURI: reqText(e, 'LocURI'), locName: optText(e, 'LocName') }) : undefined;
}

function reqLocation(parent: XmlElement, name: string): Location {
  return decodeLocation(requireChild(parent, name)) as Location;
}

function decodeCred(parent: XmlElement): Cred | undefined {
  const cred = child(parent, 'Cred');
  return cred ? compact({ meta: decodeOptMeta(cred), data: reqText(cred, 'Data') }) : undefined;
}

function decodeData(data: XmlElement | undefined): ItemData | undefined {
  if (!data) return undefined;
  const devInf = child(data, 'DevInf');
  if (devInf) return { devInf: decodeDevInf(devInf) };
  const anchor = child(data, 'Anchor');
  if (anchor) return { anchor: decodeAnchor(anchor) };
  if (data.children.length > 0) {
    throw new SyncmlParseError('SYNCML_UNEXPECTED_ELEMENT', `<Data> contains <${data.children[0]?.name}>`);
  }
  // Item data is kept byte-exact: vCard/iCalendar line ends and large-object sizes depend on it.
  return data.text;
}

function decodeItem(e: XmlElement): Item {
  const sourceParent = child(e, 'SourceParent');
  const targetParent = child(e, 'TargetParent');
  return compact<Item>({
    target: decodeLocation(child(e, 'Target')),
    source: decodeLocation(child(e, 'Source')),
    sourceParent: sourceParent ? reqText(sourceParent, 'LocURI') : undefined,
    targetParent: targetParent ? reqText(targetParent, 'LocURI') : undefined,
    meta: decodeOptMeta(e),
    data: decodeData(child(e, 'Data')),
    moreData: flag(e, 'MoreData'),
  });
}

const decodeItems = (e: XmlElement): Item[] => childrenNamed(e, 'Item').map(decodeItem);

function decodeStatus(e: XmlElement): Status {
  const chal = child(e, 'Chal');
  const statusItems = decodeItems(e);
  return compact<Status>({
    kind: 'Status',
    cmdID: reqInt(e, 'CmdID'),
    msgRef: reqInt(e, 'MsgRef'),
    cmdRef: reqInt(e, 'CmdRef'),
    cmd: reqText(e, 'Cmd'),
    targetRef: textsNamed(e, 'TargetRef'),
    sourceRef: textsNamed(e, 'SourceRef'),
    cred: decodeCred(e),
    chal: chal ? { meta: decodeMetInf(requireChild(chal, 'Meta')) } : undefined,
    data: reqInt(e, 'Data'),
    items: statusItems.length > 0 ? statusItems : undefined,
  });
}

function decodeSync(e: XmlElement): Sync {
  const commands: SyncChild[] = [];
  for (const c of e.children) {
    if (c.name === 'Add' || c.name === 'Replace' || c.name === 'Copy' || c.name === 'Delete') {
      commands.push(decodeCommand(c) as SyncChild);
    } else if (UNSUPPORTED.has(c.name)) {
      throw new SyncmlParseError('SYNCML_UNEXPECTED_ELEMENT', `<${c.name}> inside <Sync> is not supported`);
    }
  }
  return compact<Sync>({
    kind: 'Sync',
    cmdID: reqInt(e, 'CmdID'),
    noResp: flag(e, 'NoResp'),
    cred: decodeCred(e),
    target: decodeLocation(child(e, 'Target')),
    source: decodeLocation(child(e, 'Source')),
    meta: decodeOptMeta(e),
    numberOfChanges: optInt(e, 'NumberOfChanges'),
    commands,
  });
}

function decodeCommand(e: XmlElement): Command {
  const cmdID = reqInt(e, 'CmdID');
  switch (e.name) {
    case 'Add':
    case 'Replace':
    case 'Copy':
      return compact({ kind: e.name, cmdID, noResp: flag(e, 'NoResp'), cred: decodeCred(e), meta: decodeOptMeta(e), items: decodeItems(e) });
    case 'Delete':
      return compact({
        kind: 'Delete' as const,
        cmdID,
        noResp: flag(e, 'NoResp'),
        archive: flag(e, 'Archive'),
        softDelete: flag(e, 'SftDel'),
        cred: decodeCred(e),
        meta: decodeOptMeta(e),
        items: decodeItems(e),
      });
    case 'Alert':
      return compact({
        kind: 'Alert' as const,
        cmdID,
        noResp: flag(e, 'NoResp'),
        cred: decodeCred(e),
        data: optInt(e, 'Data'),
        correlator: optText(e, 'Correlator'),
        items: decodeItems(e),
      });
    case 'Get':
    case 'Put':
      return compact({ kind: e.name, cmdID, noResp: flag(e, 'NoResp'), lang: optText(e, 'Lang'), cred: decodeCred(e), meta: decodeOptMeta(e), items: decodeItems(e) });
    case 'Results':
      return compact({
        kind: 'Results' as const,
        cmdID,
        msgRef: optInt(e, 'MsgRef'),
        cmdRef: reqInt(e, 'CmdRef'),
        meta: decodeOptMeta(e),
        targetRef: optText(e, 'TargetRef'),
        sourceRef: optText(e, 'SourceRef'),
        items: decodeItems(e),
      });
    case 'Status':
      return decodeStatus(e);
    case 'Map':
      return compact({
        kind: 'Map' as const,
        cmdID,
        target: reqLocation(e, 'Target'),
        source: reqLocation(e, 'Source'),
        cred: decodeCred(e),
        meta: decodeOptMeta(e),
        mapItems: childrenNamed(e, 'MapItem').map((mi) => ({ target: reqLocation(mi, 'Target'), source: reqLocation(mi, 'Source') })),
      });
    case 'Sync':
      return decodeSync(e);
    default:
      if (UNSUPPORTED.has(e.name)) return { kind: 'Unsupported', name: e.name, cmdID };
      throw new SyncmlParseError('SYNCML_UNEXPECTED_ELEMENT', `<${e.name}> is not a SyncML command`);
  }
}

function decodeHeader(h: XmlElement): SyncHdr {
  const verDTD = reqText(h, 'VerDTD');
  if (verDTD !== SYNCML_VER_DTD) throw new SyncmlParseError('SYNCML_UNSUPPORTED_DTD', `got '${verDTD}', need '${SYNCML_VER_DTD}'`);
  const verProto = reqText(h, 'VerProto');
  if (verProto !== SYNCML_VER_PROTO) {
    throw new SyncmlParseError('SYNCML_UNSUPPORTED_PROTOCOL', `got '${verProto}', need '${SYNCML_VER_PROTO}'`);
  }
  return compact<SyncHdr>({
    sessionID: reqText(h, 'SessionID'),
    msgID: reqInt(h, 'MsgID'),
    target: reqLocation(h, 'Target'),
    source: reqLocation(h, 'Source'),
    respURI: optText(h, 'RespURI'),
    noResp: flag(h, 'NoResp'),
    cred: decodeCred(h),
    meta: decodeOptMeta(h),
  });
}

function checkRoot(root: XmlElement): void {
  if (root.name !== 'SyncML') throw new SyncmlParseError('SYNCML_NOT_SYNCML', `root element is <${root.name}>`);
  // No namespace at all is accepted: Funambol- and pysyncml-style clients omit it and VerDTD
  // still identifies the version. A namespace, when present, must be SyncML 1.2's; compared
  // case-insensitively, to be liberal in what we accept.
  if (root.ns === undefined) return;
  const ns = root.ns.toUpperCase();
  if (ns === SYNCML_NAMESPACE) return;
  if (ns.startsWith('SYNCML:SYNCML')) throw new SyncmlParseError('SYNCML_UNSUPPORTED_DTD', `namespace '${root.ns}'`);
  throw new SyncmlParseError('SYNCML_WRONG_NAMESPACE', `<SyncML> must be in '${SYNCML_NAMESPACE}', got '${root.ns}'`);
}

/**
 * Decodes one SyncML 1.2 XML message. Limits are checked before parsing; every failure is a
 * SyncmlLimitError or SyncmlParseError with a stable code.
 */
export function decodeMessage(input: string | Uint8Array, limits?: Partial<SyncmlLimits>): SyncMLMessage {
  const root = parseXml(input, resolveLimits(limits));
  checkRoot(root);
  const header = decodeHeader(requireChild(root, 'SyncHdr'));
  const bodyEl = requireChild(root, 'SyncBody');
  const body: Command[] = [];
  let final = false;
  for (const c of bodyEl.children) {
    if (c.name === 'Final') final = true;
    else body.push(decodeCommand(c));
  }
  return { header, body, final };
}
