import {
  AffectedTaskOccurrence,
  Appointment as EwsAppointment,
  AppointmentOccurrenceId,
  AppointmentSchema,
  BasePropertySet,
  BodyType,
  ConflictResolutionMode,
  DeleteMode,
  ItemSchema,
  PropertySet,
  SendCancellationsMode,
  SendInvitationsOrCancellationsMode,
  type ExchangeService,
  type Item,
  type ItemId,
} from 'ews-javascript-api';
import type { Appointment, OccurrenceOverride } from '@connector/core';
import { ExchangeError } from '../errors/exchange.error.js';
import { fromServiceResponse, isFailure } from '../errors/fault-normalizer.js';
import { occurrenceInfos, zoneOf } from '../mapping/appointment.mapper.js';
import { bodyText, epochOf, formatInZone, localDate, safe, textBody, toEwsDateTime } from '../mapping/ews-values.js';
import { occurrenceIndex } from '../mapping/recurrence-expander.js';
import { asExisting } from './item-shell.js';

const occurrenceProps = () => {
  const set = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.Subject, ItemSchema.Body, AppointmentSchema.Location]);
  set.RequestedBodyType = BodyType.Text;
  return set;
};

/**
 * The master only lists its modified occurrences' times; their own subject/location/body need a
 * GetItem of the exception items. A field is reported only where it differs from the master, so
 * what was written comes back equal.
 */
export async function enrichOccurrences(service: ExchangeService, masters: Item[]): Promise<Map<string, OccurrenceOverride[]>> {
  const result = new Map<string, OccurrenceOverride[]>();
  const wanted: { master: EwsAppointment; id: ItemId; override: OccurrenceOverride }[] = [];
  for (const item of masters) {
    const master = item as EwsAppointment;
    const zone = zoneOf(master);
    const list: OccurrenceOverride[] = [];
    for (const info of occurrenceInfos(() => master.ModifiedOccurrences)) {
      const override = {
        originalStart: formatInZone(epochOf(info.OriginalStart)!, zone),
        start: formatInZone(epochOf(info.Start)!, zone),
        end: formatInZone(epochOf(info.End)!, zone),
      } as OccurrenceOverride;
      list.push(override);
      wanted.push({ master, id: info.ItemId, override });
    }
    if (list.length > 0) result.set(master.Id.UniqueId, list);
  }
  if (wanted.length === 0) return result;
  const responses = await service.BindToItems(wanted.map((w) => w.id), occurrenceProps());
  responses.Responses.forEach((response, i) => {
    const w = wanted[i]!;
    if (isFailure(response)) return;
    const occ = response.Item as EwsAppointment;
    const differs = (mine: string | undefined, theirs: string | undefined) => (mine !== undefined && mine !== theirs ? mine : undefined);
    const subject = differs(safe(() => occ.Subject) || undefined, safe(() => w.master.Subject) || undefined);
    const location = differs(safe(() => occ.Location) || undefined, safe(() => w.master.Location) || undefined);
    const body = differs(bodyText(safe(() => occ.Body)), bodyText(safe(() => w.master.Body)));
    if (subject !== undefined) w.override.subject = subject;
    if (location !== undefined) w.override.location = location;
    if (body !== undefined) w.override.body = body;
  });
  return result;
}

function indexOf(appointment: Appointment, originalStart: string): number {
  if (!appointment.recurrence) throw new ExchangeError('EXCHANGE_BAD_INPUT', 'occurrence changes need a recurrence');
  const index = occurrenceIndex(appointment.recurrence, localDate(Date.parse(originalStart), appointment.timeZone));
  if (index === undefined) throw new ExchangeError('EXCHANGE_BAD_INPUT', `no occurrence of the series starts at ${originalStart}`);
  return index;
}

/**
 * Applies deleted and modified occurrences to a series master (by OccurrenceItemId: master id +
 * instance index computed from the pattern). `already` holds what the master has now, so only
 * differences are written; occurrences cannot be un-deleted in EWS except by rewriting the pattern.
 */
export async function applyOccurrences(
  service: ExchangeService,
  masterId: string,
  appointment: Appointment,
  already: { deleted: readonly string[]; modified: readonly OccurrenceOverride[] } = { deleted: [], modified: [] },
): Promise<void> {
  const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);
  const toDelete = appointment.deletedOccurrences.filter((d) => !already.deleted.some((x) => same(x, d)));
  const toModify = appointment.modifiedOccurrences.filter(
    (m) => !already.modified.some((x) => same(x.originalStart, m.originalStart) && same(x.start, m.start) && same(x.end, m.end) && x.subject === m.subject && x.location === m.location && x.body === m.body),
  );
  if (toModify.length > 0) {
    const shells = toModify.map((m) => {
      const shell = asExisting(new EwsAppointment(service), new AppointmentOccurrenceId(masterId, indexOf(appointment, m.originalStart)));
      shell.Start = toEwsDateTime(m.start);
      shell.End = toEwsDateTime(m.end);
      if (m.subject !== undefined) shell.Subject = m.subject;
      if (m.location !== undefined) shell.Location = m.location;
      if (m.body !== undefined) shell.Body = textBody(m.body);
      return shell;
    });
    const responses = await service.UpdateItems(shells, null as never, ConflictResolutionMode.AlwaysOverwrite, null as never, SendInvitationsOrCancellationsMode.SendToNone);
    const failed = responses.Responses.find(isFailure);
    if (failed) throw fromServiceResponse(failed, { itemId: masterId });
  }
  if (toDelete.length > 0) {
    const ids = toDelete.map((d) => new AppointmentOccurrenceId(masterId, indexOf(appointment, d)));
    const responses = await service.DeleteItems(ids, DeleteMode.HardDelete, SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences);
    const failed = responses.Responses.find(isFailure);
    if (failed) throw fromServiceResponse(failed, { itemId: masterId });
  }
}
