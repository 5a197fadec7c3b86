import type { ObjectType } from '@connector/core';
import { absenceMapper } from './absence.mapper.js';
import { appointmentMapper } from './appointment.mapper.js';
import { contactMapper } from './contact.mapper.js';
import { emailMapper } from './email.mapper.js';
import { taskMapper } from './task.mapper.js';
import type { TypeMapper } from './type-mapper.js';

const MAPPERS: { [T in ObjectType]: TypeMapper<T> } = {
  email: emailMapper,
  contact: contactMapper,
  appointment: appointmentMapper,
  task: taskMapper,
  absence: absenceMapper,
};

export function mapperFor<T extends ObjectType>(type: T): TypeMapper<T> {
  return MAPPERS[type];
}
