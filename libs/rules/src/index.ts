export {
  compileRules,
  fieldDirection,
  flowsFrom,
  type CompiledRules,
  type CompiledTypeRules,
  type CompiledEmailRules,
  type CompiledContactRules,
  type CompiledAppointmentRules,
  type CompiledTaskRules,
  type CompiledAbsenceRules,
  type CompiledFieldMapping,
  type ConflictPolicy,
  type Direction,
  type FieldDirections,
  type PrivateItems,
  type TimeWindow,
} from './compile-rules.js';
export { decide } from './decide.js';
export type { ChangeInput, DecideContext, DecideInput, OtherSideInput } from './decide-input.js';
export {
  SKIP_REASONS,
  targetsOf,
  writesOf,
  type Action,
  type ConflictAction,
  type CreateAction,
  type Decision,
  type DeleteInCrm,
  type DeleteInExchange,
  type FlagDeletedInCrm,
  type MergeAndUpdateBoth,
  type Publish,
  type Quarantine,
  type Skip,
  type SkipReason,
  type UpdateCrmFromExchange,
  type UpdateExchangeFromCrm,
} from './actions.js';
export { mergeFields, type FieldConflict, type MergeOptions, type MergeResult, type MergeTimestamps } from './merge.js';
export { builtInFields, differingFields, fieldValue, project, syncedFields } from './fields/projection.js';
export { TASK_STATUS_FIELDS } from './fields/task.fields.js';
export { body, instant, stableStringify, text, type Canonical } from './normalize.js';
export { validateItem } from './validate.js';
export { inContactFilter, type CrmContactRelation } from './filters/contact.filter.js';
export { inWindow, inDeletionWindow, itemSpan } from './filters/window.filter.js';
export { isPrivate, privateTreatment } from './filters/private.filter.js';
export { isInternalOnly } from './filters/email.filter.js';
export { organizerKind, type OrganizerKind } from './filters/appointment.filter.js';
