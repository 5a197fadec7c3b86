import type { Overview } from '../dashboard-data.js';
import type { ActionOutcome } from '../dashboard.actions.js';
import { html, mailboxPath, postButton } from './html.js';
import { page } from './layout.view.js';
import { cyclesCompact, stateCell } from './status.view.js';

export function overviewPage(data: Overview, flashCode?: ActionOutcome): string {
  const rows = data.mailboxes.map(
    (m) => html`<tr data-mailbox="${m.mailbox}">
      <td><a href="${mailboxPath(m.mailbox)}">${m.mailbox}</a>${m.crmUser ? html`<br><small>CRM user ${m.crmUser}</small>` : ''}</td>
      <td>${stateCell(m)}</td>
      <td>${cyclesCompact(m.status?.cycles ?? [])}</td>
      <td class="n${m.openConflicts > 0 ? ' warn' : ''}">${m.openConflicts}</td>
      <td class="n${m.quarantined > 0 ? ' bad' : ''}">${m.quarantined}</td>
      <td>${m.listed ? postButton(`${mailboxPath(m.mailbox)}/sync-now?back=overview`, 'Sync now') : ''}</td></tr>`,
  );
  const mailboxes =
    data.mailboxes.length === 0
      ? html`<p class="none">No mailbox is synced yet (the scheduler publishes the mailbox list).</p>`
      : html`<table id="mailboxes"><thead><tr><th>mailbox</th><th>state</th><th>last cycle per type (CRM / Exchange: +created ~updated −deleted)</th>
          <th>open conflicts</th><th>quarantined</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  const queues = html`<table id="queues"><thead><tr><th>queue</th><th>waiting</th><th>active</th><th>delayed</th><th>failed</th><th>completed</th></tr></thead>
    <tbody>${data.queues.map(
      (q) => html`<tr><td><a href="/queues/queue/${encodeURIComponent(q.name)}">${q.name}</a></td><td class="n">${q.counts.waiting}</td>
        <td class="n">${q.counts.active}</td><td class="n">${q.counts.delayed}</td><td class="n${q.counts.failed > 0 ? ' bad' : ''}">${q.counts.failed}</td>
        <td class="n">${q.counts.completed}</td></tr>`,
    )}</tbody></table>`;
  return page('Mailboxes', html`<h1>Mailboxes (${data.mailboxes.length})</h1>${mailboxes}<h2>Queues</h2>${queues}
    <p><a href="/queues">Open the queue view (bull-board)</a></p>`, flashCode);
}
