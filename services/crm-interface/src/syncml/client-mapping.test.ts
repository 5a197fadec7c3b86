import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appointmentFromNative, appointmentToNative, contactFromNative, emailToNative, taskFromNative, taskStatusToNative } from '@connector/crm-client';
import { appointmentSchema } from '@connector/core';
import { startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

/** The client's own mapping (libs/crm-client/src/mapping) against the server's native format, over SyncML. */
let server: SyncmlTestServer;
const ALICE = 'alice@demo.example';

beforeAll(async () => {
  server = await startSyncmlServer('syncml_mapping');
});
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

describe('client mapping ⇄ CRM.interface native records', () => {
  it('writes an appointment and reads the same appointment back', async () => {
    const appointment = appointmentSchema.parse({
      type: 'appointment', kind: 'visit', subject: 'Visit Acme & Sons', body: 'Agenda', location: 'Berlin',
      start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:30:00.000Z', timeZone: 'Europe/Berlin', reminderMinutes: 15,
      busyStatus: 'busy', categories: ['Customer'], attendees: [{ address: 'bob@example.com', name: 'Bob', role: 'required', response: 'tentative' }],
      recurrence: { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' }, range: { kind: 'numbered', startDate: '2026-12-01', count: 4 } },
    });
    const client = server.client();
    const [written] = await client.writeChanges(ALICE, 'calendar', [{ luid: 'appt-1', op: 'add', payload: appointmentToNative(appointment) }]);
    expect(written).toMatchObject({ ok: true, status: 201 });
    const read = await client.readChanges(ALICE, 'calendar');
    const change = read.changes.find((c) => c.recordId === written!.recordId)!;
    expect(appointmentFromNative(change.payload!)).toEqual({ ...appointment, extra: {} });
    await read.complete([{ recordId: written!.recordId!, luid: 'appt-1' }]);
  });

  it('files an e-mail, reads contacts and sends a task status back', async () => {
    const client = server.client();
    const [mail] = await client.writeChanges(ALICE, 'emails', [{
      luid: 'mail-1', op: 'add',
      payload: emailToNative({ type: 'email', internetMessageId: '<map-1@example.com>', subject: 'Hello', direction: 'incoming', importance: 'high', sensitivity: 'normal', from: { address: 'c@example.com' }, to: [{ address: 'alice@demo.example' }], cc: [], bcc: [], isDraft: false, references: [], categories: [], sizeBytes: 1, attachments: [] }),
    }]);
    expect(mail).toMatchObject({ ok: true, status: 201 });
    expect(await server.crm.data.datastore('emails').get(server.crm.alice, mail!.recordId!)).toMatchObject({ internetMessageId: '<map-1@example.com>', importance: 'high', direction: 'incoming' });

    await server.crm.data.datastore('contacts').create(server.crm.alice, { firstName: 'Cleo', lastName: 'Contact', emails: [{ address: 'cleo@example.com', kind: 'work' }] });
    const { record: task } = await server.crm.data.datastore('tasks').create(server.crm.alice, { subject: 'Follow up', dueDate: '2026-12-03' });
    const contacts = await client.readChanges(ALICE, 'contacts');
    expect(contacts.changes.map((c) => contactFromNative(c.payload!))).toContainEqual(expect.objectContaining({ displayName: 'Cleo Contact', emails: [{ slot: 'email1', address: 'cleo@example.com' }] }));
    const tasks = await client.readChanges(ALICE, 'tasks');
    expect(taskFromNative(tasks.changes[0]!.payload!)).toMatchObject({ subject: 'Follow up', status: 'notStarted', due: '2026-12-03T00:00:00Z' });
    const [status] = await client.writeChanges(ALICE, 'tasks', [{ luid: 'task-1', op: 'replace', recordId: task.id, payload: taskStatusToNative({ status: 'completed', percentComplete: 100, completedAt: '2026-12-02T10:00:00.000Z' }) }]);
    expect(status).toMatchObject({ ok: true, status: 200 });
    expect(await server.crm.data.datastore('tasks').get(server.crm.alice, task.id)).toMatchObject({ subject: 'Follow up', status: 'completed', percentComplete: 100 });
  });
});
