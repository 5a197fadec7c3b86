/**
 * The named outcomes of a sync decision. Each says direction and effect, so history and logs read
 * as sentences ("UpdateCrmFromExchange because subject changed in Exchange").
 */
export const ACTION_NAMES = [
  'CreateInExchange',
  'CreateInCrm',
  'UpdateExchangeFromCrm',
  'UpdateCrmFromExchange',
  'MergeAndUpdateBoth',
  'DeleteInExchange',
  'DeleteInCrm',
  'FlagDeletedInCrm',
  'Publish',
  'Conflict',
  'Skip',
  /** The item fails validation: parked with its reason, visible on the dashboard, never retried as is. */
  'Quarantine',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
