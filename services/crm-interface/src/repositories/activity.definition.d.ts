import { type Activity, type ActivityFields } from '../records/activity.schema.js';
import type { EntityDefinition } from './entity.repository.js';
export declare const activityDefinition: EntityDefinition<ActivityFields, Activity>;
