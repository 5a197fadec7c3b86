/**
 * Escaping is the only way text reaches a page: `html` escapes every interpolated value unless it
 * is already `SafeHtml` (the output of another `html` call), so a mailbox name or an error reason
 * can never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part as string | number | boolean));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0]!;
  parts.forEach((part, i) => {
    out += render(part) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** A value of unknown shape (a conflict side, a payload field) as readable, escaped text. */
export function showValue(value: unknown): SafeHtml {
  if (value === undefined) return html`<span class="none">(none)</span>`;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return html`<code>${text}</code>`;
}

export function mailboxPath(smtp: string): string {
  return `/mailboxes/${encodeURIComponent(smtp)}`;
}

/** A form posting to `action`: one button, works without JavaScript. */
export function postButton(action: string, label: string, className = ''): SafeHtml {
  return html`<form method="post" action="${action}" class="inline"><button type="submit" class="${className}">${label}</button></form>`;
}

export function time(iso: string | undefined): SafeHtml {
  if (!iso) return html`<span class="none">–</span>`;
  return html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>`;
}
