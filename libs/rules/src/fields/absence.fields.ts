import type { DomainItemOf } from '@connector/core';
import { body, instant, text } from '../normalize.js';
import { field, type TypeFields } from './field-spec.js';

type Absence = DomainItemOf<'absence'>;

export const absenceFields: TypeFields<Absence> = {
  hasExtra: false,
  fields: [
    field<Absence, 'kind'>('kind', (v) => v),
    field<Absence, 'start'>('start', instant),
    field<Absence, 'end'>('end', instant),
    field<Absence, 'timeZone'>('timeZone', text),
    field<Absence, 'isAllDay'>('isAllDay', (v) => v ?? true),
    field<Absence, 'note'>('note', body),
    field<Absence, 'editedInOutlook'>('editedInOutlook', (v) => v ?? false),
  ],
};
