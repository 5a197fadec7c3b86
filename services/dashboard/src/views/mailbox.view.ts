import type { Conflict, ErrorSummary, QuarantineEntry } from '@connector/state';
import type { MailboxDetail } from '../dashboard-data.js';
import type { ActionOutcome } from '../dashboard.actions.js';
import { html, mailboxPath, postButton, showValue, time, type SafeHtml } from './html.js';
import { page } from './layout.view.js';
import { cyclesTable, stateCell } from './status.view.js';

function conflictsSection(base: string, conflicts: readonly Conflict[]): SafeHtml {
  if (conflicts.length === 0) return html`<p class="none">No open conflicts.</p>`;
  return html`<table id="conflicts"><thead><tr><th>decided</th><th>type</th><th>field</th><th>base</th><th>Exchange</th><th>CRM</th>
    <th>policy</th><th>winner</th><th></th></tr></thead><tbody>${conflicts.map(
      (c) => html`<tr data-conflict="${c.id}"><td>${time(c.decidedAt)}</td><td>${c.objectType}</td><td>${c.field}</td>
        <td>${showValue(c.baseValue)}</td><td>${showValue(c.exchangeValue)}</td><td>${showValue(c.crmValue)}</td>
        <td>${c.policy}</td><td><strong>${c.winner}</strong></td>
        <td>${postButton(`${base}/conflicts/${encodeURIComponent(c.id)}/resolve`, 'Mark resolved')}</td></tr>`,
    )}</tbody></table>`;
}

function quarantineSection(base: string, entries: readonly QuarantineEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p class="none">Nothing quarantined.</p>`;
  return html`<table id="quarantine"><thead><tr><th>last seen</th><th>type</th><th>from</th><th>item</th><th>error code</th><th>reason</th>
    <th>times</th><th></th></tr></thead><tbody>${entries.map(
      (q) => html`<tr data-quarantine="${q.id}"><td>${time(q.lastSeen)}</td><td>${q.objectType}</td><td>${q.side}</td>
        <td><code>${q.sourceId}</code>${q.linkId ? html`<br><small>link ${q.linkId}</small>` : ''}</td>
        <td><code>${q.errorCode}</code></td><td>${q.reason}</td><td class="n">${q.attempts}</td>
        <td>${postButton(`${base}/quarantine/${encodeURIComponent(q.id)}/retry`, 'Retry')}</td></tr>`,
    )}</tbody></table>`;
}

function errorsSection(errors: readonly ErrorSummary[]): SafeHtml {
  if (errors.length === 0) return html`<p class="none">No recent errors.</p>`;
  return html`<table id="errors"><thead><tr><th>error code</th><th>count</th><th>last</th><th>last message</th></tr></thead><tbody>${errors.map(
    (e) => html`<tr><td><code>${e.code}</code></td><td class="n">${e.count}</td><td>${time(e.lastAt)}</td><td>${e.lastMessage}</td></tr>`,
  )}</tbody></table>`;
}

export function mailboxPage(detail: MailboxDetail, flashCode?: ActionOutcome): string {
  const base = mailboxPath(detail.mailbox);
  const status = detail.status;
  const body = html`<h1>${detail.mailbox}</h1>
    <p>${detail.crmUser ? html`CRM user <strong>${detail.crmUser}</strong> · ` : ''}${stateCell(detail)}
      ${status ? html` · status updated ${time(status.updatedAt)}` : ''}</p>
    <p>${detail.listed ? postButton(`${base}/sync-now`, 'Sync now') : ''} <a href="/api${base}">JSON</a></p>
    <h2>Last cycle per object type</h2>${cyclesTable(status?.cycles ?? [])}
    <h2>Open conflicts (${detail.openConflicts})</h2>${conflictsSection(base, detail.conflicts)}
    <h2>Quarantined items (${detail.quarantined})</h2>${quarantineSection(base, detail.quarantine)}
    <h2>Recent errors by code</h2>${errorsSection(status?.recentErrors ?? [])}`;
  return page(detail.mailbox, body, flashCode);
}

export function notFoundPage(what: string): string {
  return page('Not found', html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the mailboxes</a></p>`);
}
