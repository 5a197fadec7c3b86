import { SyncmlParseError } from './syncml.error.js';
import type { XmlElement } from './xml-tree.js';

export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((c) => c.name === name);
}

export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c) => c.name === name);
}

export function requireChild(parent: XmlElement, name: string): XmlElement {
  const found = child(parent, name);
  if (!found) throw new SyncmlParseError('SYNCML_MISSING_ELEMENT', `<${parent.name}> has no <${name}>`);
  return found;
}

/** Trimmed text of a child element, undefined when absent. */
export function optText(parent: XmlElement, name: string): string | undefined {
  const found = child(parent, name);
  return found === undefined ? undefined : found.text.trim();
}

export function reqText(parent: XmlElement, name: string): string {
  return requireChild(parent, name).text.trim();
}

export function toInt(value: string, where: string): number {
  if (!/^\s*\d{1,15}\s*$/.test(value)) {
    throw new SyncmlParseError('SYNCML_INVALID_VALUE', `<${where}> must be a non-negative integer, got '${value.slice(0, 40)}'`);
  }
  return Number(value);
}

export function optInt(parent: XmlElement, name: string): number | undefined {
  const value = optText(parent, name);
  return value === undefined ? undefined : toInt(value, name);
}

export function reqInt(parent: XmlElement, name: string): number {
  return toInt(reqText(parent, name), name);
}

/** Presence flag (`<NoResp/>`). */
export function flag(parent: XmlElement, name: string): boolean | undefined {
  return child(parent, name) ? true : undefined;
}

export function textsNamed(parent: XmlElement, name: string): string[] | undefined {
  const list = childrenNamed(parent, name).map((c) => c.text.trim());
  return list.length > 0 ? list : undefined;
}

/** Copies only defined properties, so decoded objects deep-equal hand-built ones. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
