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
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
