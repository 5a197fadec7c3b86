import { changeTracking } from './001-change-tracking.js';
import { people } from './002-people.js';
import { activities } from './003-activities.js';
import { tasksAndAbsences } from './004-tasks-absences.js';
import { syncState } from './005-sync-state.js';

/** A released migration never changes; a schema change is a new, higher version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [changeTracking, people, activities, tasksAndAbsences, syncState];
