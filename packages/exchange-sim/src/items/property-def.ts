import type { Item, ItemKind } from '../store/model.js';
import type { Codec } from './codecs.js';

export interface RenderContext {
  folderChangeKey(folderId: string): string;
  mimeOf(item: Item): string;
  ownerOf(item: Item): { name: string; email: string };
}

/**
 * One first-class property. `name` is the element name inside the item, `uri` the FieldURI.
 * Settable properties are stored in item.fields[name]; the rest are computed at render time.
 */
export interface PropDef {
  name: string;
  uri: string;
  codec?: Codec;
  settable: boolean;
  /** In the Default shape (GetItem; FindItem drops body-like properties). */
  inDefault: boolean;
  render(item: Item, ctx: RenderContext): string;
}

export function field(name: string, uri: string, codec: Codec, inDefault = false): PropDef {
  return {
    name, uri, codec, settable: true, inDefault,
    render: (item) => (item.fields[name] === undefined ? '' : codec.render(name, item.fields[name])),
  };
}

export function computed(
  name: string,
  uri: string,
  codec: Codec,
  value: (item: Item, ctx: RenderContext) => unknown,
  inDefault = false,
): PropDef {
  return {
    name, uri, codec, settable: false, inDefault,
    render: (item, ctx) => {
      const v = value(item, ctx);
      return v === undefined ? '' : codec.render(name, v);
    },
  };
}

/** A settable property with a value computed when it was never set. */
export function defaulted(name: string, uri: string, codec: Codec, fallback: (item: Item) => unknown, inDefault = false): PropDef {
  return {
    name, uri, codec, settable: true, inDefault,
    render: (item) => {
      const v = item.fields[name] ?? fallback(item);
      return v === undefined ? '' : codec.render(name, v);
    },
  };
}

export function special(name: string, uri: string, render: PropDef['render'], inDefault = false): PropDef {
  return { name, uri, settable: false, inDefault, render };
}

export type KindTable = Record<ItemKind, PropDef[]>;
