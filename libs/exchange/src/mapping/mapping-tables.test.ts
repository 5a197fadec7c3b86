import { describe, expect, it } from 'vitest';
import { EmailAddressKey, PhoneNumberKey, PhysicalAddressKey } from 'ews-javascript-api';
import { ADDRESS_SLOTS, EMAIL_SLOTS, PHONE_SLOTS } from './contact.mapper.js';
import { taskStatusFromEws, taskStatusToEws } from './task.mapper.js';
import { responseFromEws, responseToEws } from './attendees.mapper.js';
import { TaskStatus, MeetingResponseType } from 'ews-javascript-api';

describe('contact slots', () => {
  it('puts e-mail addresses, phones and postal addresses into the EWS indexed slots', () => {
    expect(EMAIL_SLOTS).toEqual({ email1: EmailAddressKey.EmailAddress1, email2: EmailAddressKey.EmailAddress2, email3: EmailAddressKey.EmailAddress3 });
    expect(PHONE_SLOTS.mobile).toBe(PhoneNumberKey.MobilePhone);
    expect(PHONE_SLOTS.business2).toBe(PhoneNumberKey.BusinessPhone2);
    expect(PHONE_SLOTS.other).toBe(PhoneNumberKey.OtherTelephone);
    expect(ADDRESS_SLOTS).toEqual({ business: PhysicalAddressKey.Business, home: PhysicalAddressKey.Home, other: PhysicalAddressKey.Other });
  });

  it('uses each EWS slot once', () => {
    expect(new Set(Object.values(PHONE_SLOTS)).size).toBe(Object.keys(PHONE_SLOTS).length);
  });
});

describe('task status', () => {
  it('maps every domain status both ways', () => {
    for (const status of ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'] as const) {
      expect(taskStatusFromEws(taskStatusToEws(status))).toBe(status);
    }
    expect(taskStatusToEws('deferred')).toBe(TaskStatus.Deferred);
    expect(taskStatusFromEws(undefined)).toBe('notStarted');
  });
});

describe('attendee responses', () => {
  it('maps EWS response types to the domain and back', () => {
    expect(responseFromEws(MeetingResponseType.Accept)).toBe('accepted');
    expect(responseFromEws(MeetingResponseType.NoResponseReceived)).toBe('none');
    expect(responseFromEws(MeetingResponseType.Unknown)).toBe('none');
    expect(responseFromEws(MeetingResponseType.Organizer)).toBe('organizer');
    expect(responseToEws('tentative')).toBe(MeetingResponseType.Tentative);
    expect(responseToEws('declined')).toBe(MeetingResponseType.Decline);
  });
});
