import type { ActionOutcome } from '../dashboard.actions.js';
import { SafeHtml, html } from './html.js';

const STYLE = new SafeHtml(`
body{font-family:system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:center}
header a{color:#cfe0ff;text-decoration:none}header strong{margin-right:auto}
main{padding:1rem 1.2rem;max-width:1400px}
table{border-collapse:collapse;background:#fff;margin:.5rem 0 1.2rem;width:100%}
th,td{border:1px solid #d8dce3;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#eceff4}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{white-space:pre-wrap;word-break:break-word;font-size:.85rem}
.none{color:#8a93a3}.ok{color:#17803d}.bad{color:#b42318;font-weight:600}.warn{color:#a15c00}
.flash{padding:.6rem .8rem;border-radius:4px;margin-bottom:1rem}
.flash.ok{background:#e3f6e8;color:#17803d}.flash.error{background:#fde8e6;color:#b42318}
form.inline{display:inline;margin:0}button{cursor:pointer}
`);

/** Flash messages come from a fixed list keyed by code: a crafted URL cannot put text on the page. */
const FLASH: Record<ActionOutcome, { level: 'ok' | 'error'; text: string }> = {
  retried: { level: 'ok', text: 'The item was queued again and released from quarantine.' },
  'retry-gone': { level: 'error', text: 'That item is no longer quarantined (already retried?).' },
  'retry-invalid': { level: 'error', text: 'That item cannot be retried from here: its stored job is not a change job.' },
  resolved: { level: 'ok', text: 'The conflict was marked resolved.' },
  'resolve-gone': { level: 'error', text: 'That conflict is not open any more.' },
  'sync-requested': { level: 'ok', text: 'A sync was requested for every enabled object type.' },
  'sync-nothing': { level: 'error', text: 'No object type is enabled for this mailbox: nothing to sync.' },
  'sync-unknown': { level: 'error', text: 'This mailbox is not in the current mailbox list: it cannot be synced.' },
  'sync-disabled': { level: 'error', text: 'This mailbox is disabled: it is not synced.' },
};

export function isFlashCode(code: unknown): code is ActionOutcome {
  return typeof code === 'string' && Object.hasOwn(FLASH, code);
}

function flash(code: ActionOutcome | undefined): SafeHtml {
  if (!code) return html``;
  const { level, text } = FLASH[code];
  return html`<p class="flash ${level}" role="status" data-flash="${code}">${text}</p>`;
}

export function page(title: string, body: SafeHtml, flashCode?: ActionOutcome): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · connector dashboard</title><style>${STYLE}</style></head>
<body><header><strong>CRM ⇄ Exchange connector</strong><a href="/">Mailboxes</a><a href="/queues">Queues</a><a href="/api/overview">JSON</a></header>
<main>${flash(flashCode)}${body}</main></body></html>`.value;
}
