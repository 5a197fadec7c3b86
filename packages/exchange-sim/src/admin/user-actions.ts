import type { FastifyInstance } from 'fastify';
import type { MailboxStore } from '../store/mailbox-store.js';
import type { Item } from '../store/model.js';
import type { Attendee } from '../items/codecs.js';
import { AdminError } from '../sim.error.js';
import { folderRef, mailboxOrThrow, normalizeFields } from './seed.js';

const RESPONSES = new Set(['Accept', 'Decline', 'Tentative']);
const BUSY: Record<string, string> = { Accept: 'Busy', Tentative: 'Tentative', Decline: 'Free' };

function itemOrThrow(store: MailboxStore, id: string): Item {
  const item = store.items.get(id);
  if (!item) throw new AdminError('ITEM_NOT_FOUND', `no item ${id}`);
  return item;
}

/** The organizer's copy learns the attendee's answer, as the calendar assistant would do. */
function updateOrganizerCopy(store: MailboxStore, attendeeItem: Item, response: string): void {
  const organizer = (attendeeItem.fields.Organizer as { email: string } | undefined)?.email;
  const mailbox = organizer ? store.mailbox(organizer) : undefined;
  if (!mailbox || mailbox.smtp === attendeeItem.mailbox) return;
  const calendar = store.itemsIn(mailbox.distinguished.get('calendar')!);
  const master = calendar.find((i) => i.fields.UID === attendeeItem.fields.UID);
  if (!master) return;
  const answer = (list: unknown) =>
    (list as Attendee[] | undefined)?.map((a) =>
      a.email.toLowerCase() === attendeeItem.mailbox ? { ...a, response, lastResponseTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } : a);
  store.updateItem(master, ['RequiredAttendees', 'OptionalAttendees'], () => {
    master.fields = { ...master.fields, RequiredAttendees: answer(master.fields.RequiredAttendees), OptionalAttendees: answer(master.fields.OptionalAttendees) };
    if (!master.fields.RequiredAttendees) delete master.fields.RequiredAttendees;
    if (!master.fields.OptionalAttendees) delete master.fields.OptionalAttendees;
  });
}

/** "Act as the user": what Outlook would do to a mailbox, not counted as EWS writes. */
export function registerUserActions(admin: FastifyInstance, store: MailboxStore): void {
  admin.get('/items/:id', async (request) => itemOrThrow(store, (request.params as { id: string }).id));

  admin.patch('/items/:id', async (request) => {
    const item = itemOrThrow(store, (request.params as { id: string }).id);
    const body = (request.body ?? {}) as { fields?: Record<string, unknown>; unset?: string[] };
    if (typeof body.fields !== 'object' && !Array.isArray(body.unset)) throw new AdminError('INVALID_INPUT', 'fields or unset required');
    const fields = normalizeFields(body.fields ?? {});
    const names = [...Object.keys(fields), ...(body.unset ?? [])];
    store.updateItem(item, names, () => {
      item.fields = { ...item.fields, ...fields };
      for (const name of body.unset ?? []) delete item.fields[name];
    });
    return item;
  });

  admin.delete('/items/:id', async (request) => {
    store.deleteItem(itemOrThrow(store, (request.params as { id: string }).id));
    return { deleted: true };
  });

  admin.post('/items/:id/move', async (request) => {
    const item = itemOrThrow(store, (request.params as { id: string }).id);
    const body = (request.body ?? {}) as { folder?: string; mailbox?: string };
    if (!body.folder) throw new AdminError('INVALID_INPUT', 'folder is required');
    const target = folderRef(store, mailboxOrThrow(store, body.mailbox ?? item.mailbox), body.folder);
    return store.moveItem(item, target);
  });

  admin.post('/items/:id/copy', async (request) => {
    const item = itemOrThrow(store, (request.params as { id: string }).id);
    const body = (request.body ?? {}) as { folder?: string; mailbox?: string };
    if (!body.folder) throw new AdminError('INVALID_INPUT', 'folder is required');
    return store.copyItem(item, folderRef(store, mailboxOrThrow(store, body.mailbox ?? item.mailbox), body.folder));
  });

  admin.post('/items/:id/respond', async (request) => {
    const item = itemOrThrow(store, (request.params as { id: string }).id);
    const response = ((request.body ?? {}) as { response?: string }).response ?? '';
    if (item.kind !== 'calendar' || !RESPONSES.has(response)) {
      throw new AdminError('INVALID_INPUT', 'a calendar item and response Accept, Decline or Tentative are required');
    }
    store.updateItem(item, ['MyResponseType', 'LegacyFreeBusyStatus'], () => {
      item.fields = { ...item.fields, MyResponseType: response, LegacyFreeBusyStatus: BUSY[response] };
    });
    updateOrganizerCopy(store, item, response);
    return item;
  });
}
