import type { Anchor, MetInf } from './metinf.model.js';
import { METINF_NAMESPACE } from './metinf.model.js';
import { el, flagEl, textEl } from './xml-writer.js';
import type { XmlElement } from './xml-tree.js';
import { child, compact, flag, optInt, optText, reqInt, reqText, textsNamed } from './xml-read.js';

const NS = METINF_NAMESPACE;

export function encodeAnchor(anchor: Anchor): string {
  return el('Anchor', textEl('Last', anchor.last) + textEl('Next', anchor.next), NS);
}

/** MetInf children in content-model order, each declaring the metinf namespace. */
export function encodeMetInfContent(meta: MetInf): string {
  return (
    flagEl('FieldLevel', meta.fieldLevel, NS) +
    textEl('Format', meta.format, NS) +
    textEl('Type', meta.type, NS) +
    textEl('Mark', meta.mark, NS) +
    textEl('Size', meta.size, NS) +
    (meta.anchor ? encodeAnchor(meta.anchor) : '') +
    textEl('Version', meta.version, NS) +
    textEl('NextNonce', meta.nextNonce, NS) +
    textEl('MaxMsgSize', meta.maxMsgSize, NS) +
    textEl('MaxObjSize', meta.maxObjSize, NS) +
    (meta.emi ?? []).map((e) => textEl('EMI', e, NS)).join('') +
    (meta.mem
      ? el('Mem', flagEl('SharedMem', meta.mem.sharedMem) + textEl('FreeMem', meta.mem.freeMem) + textEl('FreeID', meta.mem.freeID), NS)
      : '')
  );
}

/** `<Meta>…</Meta>`, or nothing for an absent/empty MetInf. */
export function encodeMeta(meta: MetInf | undefined): string {
  if (!meta) return '';
  const content = encodeMetInfContent(meta);
  return content === '' ? '' : el('Meta', content);
}

export function decodeAnchor(element: XmlElement): Anchor {
  return compact({ last: optText(element, 'Last'), next: reqText(element, 'Next') });
}

/** Reads MetInf children (any order, as senders differ) from a Meta or MetInf element. */
export function decodeMetInf(element: XmlElement): MetInf {
  const anchor = child(element, 'Anchor');
  const mem = child(element, 'Mem');
  return compact<MetInf>({
    fieldLevel: flag(element, 'FieldLevel'),
    format: optText(element, 'Format'),
    type: optText(element, 'Type'),
    mark: optText(element, 'Mark'),
    size: optInt(element, 'Size'),
    anchor: anchor ? decodeAnchor(anchor) : undefined,
    version: optText(element, 'Version'),
    nextNonce: optText(element, 'NextNonce'),
    maxMsgSize: optInt(element, 'MaxMsgSize'),
    maxObjSize: optInt(element, 'MaxObjSize'),
    emi: textsNamed(element, 'EMI'),
    mem: mem
      ? compact({
          sharedMem: flag(mem, 'SharedMem'),
          freeMem: reqInt(mem, 'FreeMem'),
          freeID: reqInt(mem, 'FreeID'),
        })
      : undefined,
  });
}

export function decodeOptMeta(parent: XmlElement): MetInf | undefined {
  const meta = child(parent, 'Meta');
  return meta ? decodeMetInf(meta) : undefined;
}
