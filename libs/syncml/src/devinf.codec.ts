import type { ContentTypeRef, CTCap, CTProperty, DataStore, DevInf, FilterCap, PropParam } from './devinf.model.js';
import { DEVINF_NAMESPACE } from './devinf.model.js';
import { el, flagEl, textEl } from './xml-writer.js';
import type { XmlElement } from './xml-tree.js';
import { child, childrenNamed, compact, flag, optInt, optText, reqText, requireChild, textsNamed, toInt } from './xml-read.js';

const texts = (name: string, values: string[] | undefined): string => (values ?? []).map((v) => textEl(name, v)).join('');
const ctRef = (name: string, ref: ContentTypeRef): string => el(name, textEl('CTType', ref.ctType) + textEl('VerCT', ref.verCT));

function encodePropParam(p: PropParam): string {
  return el('PropParam', textEl('ParamName', p.paramName) + textEl('DataType', p.dataType) + texts('ValEnum', p.valEnum) + textEl('DisplayName', p.displayName));
}

function encodeProperty(p: CTProperty): string {
  return el(
    'Property',
    textEl('PropName', p.propName) +
      textEl('DataType', p.dataType) +
      textEl('MaxOccur', p.maxOccur) +
      textEl('MaxSize', p.maxSize) +
      flagEl('NoTruncate', p.noTruncate) +
      texts('ValEnum', p.valEnum) +
      textEl('DisplayName', p.displayName) +
      (p.propParams ?? []).map(encodePropParam).join(''),
  );
}

function encodeCTCap(c: CTCap): string {
  return el('CTCap', textEl('CTType', c.ctType) + textEl('VerCT', c.verCT) + flagEl('FieldLevel', c.fieldLevel) + c.properties.map(encodeProperty).join(''));
}

function encodeFilterCap(f: FilterCap): string {
  return el('FilterCap', textEl('CTType', f.ctType) + textEl('VerCT', f.verCT) + texts('FilterKeyword', f.filterKeywords) + texts('PropName', f.propNames));
}

function encodeDataStore(d: DataStore): string {
  return el(
    'DataStore',
    textEl('SourceRef', d.sourceRef) +
      textEl('DisplayName', d.displayName) +
      textEl('MaxGUIDSize', d.maxGUIDSize) +
      ctRef('Rx-Pref', d.rxPref) +
      (d.rx ?? []).map((r) => ctRef('Rx', r)).join('') +
      ctRef('Tx-Pref', d.txPref) +
      (d.tx ?? []).map((r) => ctRef('Tx', r)).join('') +
      (d.ctCaps ?? []).map(encodeCTCap).join('') +
      (d.dsMem ? el('DSMem', flagEl('SharedMem', d.dsMem.sharedMem) + textEl('MaxMem', d.dsMem.maxMem) + textEl('MaxID', d.dsMem.maxID)) : '') +
      flagEl('SupportHierarchicalSync', d.supportHierarchicalSync) +
      el('SyncCap', d.syncCap.map((t) => textEl('SyncType', t)).join('')) +
      (d.filterRx ?? []).map((r) => ctRef('Filter-Rx', r)).join('') +
      (d.filterCap ?? []).map(encodeFilterCap).join(''),
  );
}

/** `<DevInf xmlns="syncml:devinf">` in the DevInf 1.2 content-model order. */
export function encodeDevInf(d: DevInf): string {
  return el(
    'DevInf',
    textEl('VerDTD', d.verDTD) +
      textEl('Man', d.man) +
      textEl('Mod', d.mod) +
      textEl('OEM', d.oem) +
      textEl('FwV', d.fwV) +
      textEl('SwV', d.swV) +
      textEl('HwV', d.hwV) +
      textEl('DevID', d.devID) +
      textEl('DevTyp', d.devTyp) +
      flagEl('UTC', d.utc) +
      flagEl('SupportLargeObjs', d.supportLargeObjs) +
      flagEl('SupportNumberOfChanges', d.supportNumberOfChanges) +
      d.dataStores.map(encodeDataStore).join('') +
      (d.ext ?? []).map((x) => el('Ext', textEl('XNam', x.xNam) + texts('XVal', x.xVal))).join(''),
    DEVINF_NAMESPACE,
  );
}

function decodeCtRef(e: XmlElement): ContentTypeRef {
  return { ctType: reqText(e, 'CTType'), verCT: reqText(e, 'VerCT') };
}

function listOf<T>(parent: XmlElement, name: string, decode: (e: XmlElement) => T): T[] | undefined {
  const list = childrenNamed(parent, name).map(decode);
  return list.length > 0 ? list : undefined;
}

function decodePropParam(e: XmlElement): PropParam {
  return compact({ paramName: reqText(e, 'ParamName'), dataType: optText(e, 'DataType'), valEnum: textsNamed(e, 'ValEnum'), displayName: optText(e, 'DisplayName') });
}

function decodeProperty(e: XmlElement): CTProperty {
  return compact<CTProperty>({
    propName: reqText(e, 'PropName'),
    dataType: optText(e, 'DataType'),
    maxOccur: optInt(e, 'MaxOccur'),
    maxSize: optInt(e, 'MaxSize'),
    noTruncate: flag(e, 'NoTruncate'),
    valEnum: textsNamed(e, 'ValEnum'),
    displayName: optText(e, 'DisplayName'),
    propParams: listOf(e, 'PropParam', decodePropParam),
  });
}

function decodeDataStore(e: XmlElement): DataStore {
  const dsMem = child(e, 'DSMem');
  return compact<DataStore>({
    sourceRef: reqText(e, 'SourceRef'),
    displayName: optText(e, 'DisplayName'),
    maxGUIDSize: optInt(e, 'MaxGUIDSize'),
    rxPref: decodeCtRef(requireChild(e, 'Rx-Pref')),
    rx: listOf(e, 'Rx', decodeCtRef),
    txPref: decodeCtRef(requireChild(e, 'Tx-Pref')),
    tx: listOf(e, 'Tx', decodeCtRef),
    ctCaps: listOf(e, 'CTCap', (c) =>
      compact<CTCap>({ ctType: reqText(c, 'CTType'), verCT: reqText(c, 'VerCT'), fieldLevel: flag(c, 'FieldLevel'), properties: childrenNamed(c, 'Property').map(decodeProperty) }),
    ),
    dsMem: dsMem ? compact({ sharedMem: flag(dsMem, 'SharedMem'), maxMem: optInt(dsMem, 'MaxMem'), maxID: optInt(dsMem, 'MaxID') }) : undefined,
    supportHierarchicalSync: flag(e, 'SupportHierarchicalSync'),
    syncCap: childrenNamed(requireChild(e, 'SyncCap'), 'SyncType').map((t) => toInt(t.text, 'SyncType')),
    filterRx: listOf(e, 'Filter-Rx', decodeCtRef),
    filterCap: listOf(e, 'FilterCap', (f) =>
      compact<FilterCap>({ ctType: reqText(f, 'CTType'), verCT: reqText(f, 'VerCT'), filterKeywords: textsNamed(f, 'FilterKeyword'), propNames: textsNamed(f, 'PropName') }),
    ),
  });
}

export function decodeDevInf(e: XmlElement): DevInf {
  return compact<DevInf>({
    verDTD: reqText(e, 'VerDTD'),
    man: optText(e, 'Man'),
    mod: optText(e, 'Mod'),
    oem: optText(e, 'OEM'),
    fwV: optText(e, 'FwV'),
    swV: optText(e, 'SwV'),
    hwV: optText(e, 'HwV'),
    devID: reqText(e, 'DevID'),
    devTyp: reqText(e, 'DevTyp'),
    utc: flag(e, 'UTC'),
    supportLargeObjs: flag(e, 'SupportLargeObjs'),
    supportNumberOfChanges: flag(e, 'SupportNumberOfChanges'),
    dataStores: childrenNamed(e, 'DataStore').map(decodeDataStore),
    ext: listOf(e, 'Ext', (x) => compact({ xNam: reqText(x, 'XNam'), xVal: textsNamed(x, 'XVal') })),
  });
}
