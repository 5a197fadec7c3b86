const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// XML 1.0 forbids most C0 control characters even as references; Exchange strips them too.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function esc(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export type Attrs = Record<string, string | number | boolean | undefined>;

function renderAttrs(attrs: Attrs | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${esc(String(value))}"`;
  }
  return out;
}

/** An element whose content is already-rendered XML (or nothing). */
export function el(name: string, attrs?: Attrs, inner?: string): string {
  const a = renderAttrs(attrs);
  return inner === undefined || inner === '' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

/** An element whose content is text, escaped here. */
export function textEl(name: string, value: string | number | boolean, attrs?: Attrs): string {
  const text = esc(String(value));
  return `<${name}${renderAttrs(attrs)}>${text}</${name}>`;
}
