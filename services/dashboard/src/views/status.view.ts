import type { CycleSummary, MailboxStatus } from '@connector/state';
import type { MailboxSummary } from '../dashboard-data.js';
import { html, time, type SafeHtml } from './html.js';

/** Enabled / suspended (why, since when, next retry) / not in the mailbox list. */
export function stateCell(summary: Pick<MailboxSummary, 'listed' | 'status'>): SafeHtml {
  const status: MailboxStatus | null = summary.status;
  const parts: SafeHtml[] = [];
  if (!summary.listed) parts.push(html`<span class="warn">not in the mailbox list</span><br>`);
  if (status && !status.enabled) parts.push(html`<span class="bad">disabled</span>`);
  else if (status?.suspended) {
    parts.push(html`<span class="bad">suspended</span> since ${time(status.suspendedSince)}<br>
      <small>why: ${status.suspendedReason ?? '(no reason recorded)'}</small><br>
      <small>next retry: ${time(status.nextRetryAt)}</small>`);
  } else parts.push(html`<span class="ok">enabled</span>`);
  if (status && status.consecutiveFailures > 0 && !status.suspended) {
    parts.push(html`<br><small class="warn">${status.consecutiveFailures} consecutive access failure(s)</small>`);
  }
  return html`${parts}`;
}

const COUNT_COLUMNS = [
  ['createdInCrm', 'created in CRM'],
  ['updatedInCrm', 'updated in CRM'],
  ['deletedInCrm', 'deleted in CRM'],
  ['createdInExchange', 'created in Exchange'],
  ['updatedInExchange', 'updated in Exchange'],
  ['deletedInExchange', 'deleted in Exchange'],
  ['errors', 'errors'],
] as const;

/** The last cycle per object type with its counts both ways. */
export function cyclesTable(cycles: readonly CycleSummary[]): SafeHtml {
  if (cycles.length === 0) return html`<p class="none">No finished cycle yet.</p>`;
  return html`<table class="cycles"><thead><tr><th>type</th><th>last cycle finished</th>
    ${COUNT_COLUMNS.map(([, label]) => html`<th>${label}</th>`)}</tr></thead><tbody>
    ${cycles.map(
      (c) => html`<tr data-type="${c.objectType}"><td>${c.objectType}</td><td>${time(c.finishedAt)}</td>
        ${COUNT_COLUMNS.map(([key]) => html`<td class="n${key === 'errors' && c.counts.errors > 0 ? ' bad' : ''}">${c.counts[key]}</td>`)}</tr>`,
    )}</tbody></table>`;
}

/** Compact per-type line for the overview: "appointment: +2/~1/-0 → CRM, +0/~3/-0 → Exchange, 1 error". */
export function cyclesCompact(cycles: readonly CycleSummary[]): SafeHtml {
  if (cycles.length === 0) return html`<span class="none">no cycle yet</span>`;
  return html`${cycles.map((c) => {
    const n = c.counts;
    return html`<div data-type="${c.objectType}"><strong>${c.objectType}</strong> ${time(c.finishedAt)}:
      CRM +${n.createdInCrm} ~${n.updatedInCrm} −${n.deletedInCrm} · Exchange +${n.createdInExchange} ~${n.updatedInExchange} −${n.deletedInExchange}
      ${n.errors > 0 ? html`· <span class="bad">${n.errors} error(s)</span>` : ''}</div>`;
  })}`;
}
