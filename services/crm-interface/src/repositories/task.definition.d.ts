import { type Task, type TaskFields } from '../records/task.schema.js';
import type { EntityDefinition } from './entity.repository.js';
export declare const taskDefinition: EntityDefinition<TaskFields, Task>;
