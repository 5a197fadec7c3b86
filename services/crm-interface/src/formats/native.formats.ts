import { bool, int, keyValues, nested, objects, optInt, optText, strings, text, type RecordFormatSpec } from './native-fields.js';

const emails = objects('emails', 'email', { attrs: ['kind'], textField: 'address' });
const phones = objects('phones', 'phone', { attrs: ['kind'], textField: 'number' });
const addresses = objects('addresses', 'address', {
  attrs: ['kind'],
  fields: ['street', 'city', 'postalCode', 'region', 'country'].map(optText),
});
const categories = strings('categories', 'category');
const participants = objects('participants', 'participant', {
  attrs: ['role', 'response'],
  fields: [optText('personId'), optText('userId'), optText('address'), optText('name')],
});

export const PERSON_FORMAT: RecordFormatSpec = {
  root: 'contact',
  fields: [
    optText('companyId'), optText('responsibleUserId'), bool('shared'), optText('contactType'), optText('salutation'),
    optText('title'), text('firstName'), text('lastName'), optText('jobTitle'), optText('department'), optText('birthday'),
    optText('notes'), emails, phones, addresses, keyValues('customFields'),
  ],
  readOnly: [optText('companyName'), bool('favourite')],
};

export const COMPANY_FORMAT: RecordFormatSpec = {
  root: 'company',
  fields: [
    text('name'), optText('responsibleUserId'), bool('shared'), optText('industry'), optText('website'), optText('notes'),
    emails, phones, addresses, keyValues('customFields'),
  ],
};

const exception = objects('exceptions', 'exception', {
  fields: [
    text('originalStart'), text('startAt'), text('endAt'), bool('allDay'), text('subject'), optText('bodyText'), optText('location'),
    optText('busyStatus'), optInt('reminderMinutes'), participants,
  ],
});

export const ACTIVITY_FORMAT: RecordFormatSpec = {
  root: 'activity',
  fields: [
    text('kind'), optText('responsibleUserId'), bool('shared'), bool('private'), optText('personId'), optText('companyId'),
    text('subject'), optText('bodyText'), optText('bodyHtml'), optText('startAt'), optText('endAt'), optText('timeZone'),
    bool('allDay'), optText('location'), optInt('reminderMinutes'), optText('busyStatus'), categories, text('importance'),
    optText('direction'), nested('organizer', [optText('userId'), optText('address'), optText('name')]),
    nested('recurrence', [text('rrule'), strings('deletedOccurrences', 'occurrence')]), exception, participants,
    bool('missingParticipants'),
    nested('unresolvedAddresses', ['required', 'optional', 'unknown'].map((group) => strings(group, 'address')), false),
    bool('published'), bool('deletedByConnector'), bool('followUp'), optText('internetMessageId'), optText('inReplyTo'),
    strings('references', 'reference'), optText('threadId'), optText('sentAt'), optText('receivedAt'), bool('attachmentsOmitted'),
    keyValues('customFields'),
  ],
  readOnly: [
    objects('documents', 'document', {
      attrs: ['id', 'role', 'contentType', 'size', 'sha256', 'contentId'],
      textField: 'fileName',
    }),
  ],
};

export const TASK_FORMAT: RecordFormatSpec = {
  root: 'task',
  fields: [
    optText('responsibleUserId'), bool('shared'), bool('private'), bool('delegated'), optText('personId'), optText('companyId'),
    text('subject'), optText('body'), text('status'), int('percentComplete'), optText('startDate'), optText('dueDate'),
    optText('completedAt'), text('priority'), optText('reminderAt'), categories, keyValues('customFields'),
  ],
};

export const ABSENCE_FORMAT: RecordFormatSpec = {
  root: 'absence',
  fields: [
    text('responsibleUserId'), bool('shared'), text('type'), text('startAt'), text('endAt'), bool('allDay'), optText('timeZone'),
    optText('note'),
  ],
};
