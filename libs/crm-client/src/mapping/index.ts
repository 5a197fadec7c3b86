export { contactFromNative } from './contact.mapping.js';
export { appointmentFromNative, appointmentToNative, emailToNative } from './activity.mapping.js';
export { filedEmailToNative, type FilingExtras } from './email-filing.mapping.js';
export { taskFromNative, taskStatusToNative, absenceFromNative } from './task.mapping.js';
export { recurrenceFromRrule, rruleFromRecurrence } from './recurrence.mapping.js';
export { NativeFormatError } from './native-xml.js';
