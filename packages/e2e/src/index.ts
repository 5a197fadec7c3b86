export { startE2eSystem, E2E_HOOK_TIMEOUT_MS, E2E_TEST_TIMEOUT_MS, type E2eClients, type E2eMailbox, type E2eOptions, type E2eSystem } from './harness/e2e-system.js';
export { CycleRunner, type CycleOptions, type CycleResult, type CycleTarget } from './harness/cycle-runner.js';
export { assertQuietCycle, type WriteProbe } from './harness/quiet-cycle.js';
export { until } from './harness/until.js';
export { exchangeSimClient, type ExchangeSimClient, type SimFolder, type SimMailbox, type SimStats, type LogQuery } from './clients/exchange-sim.client.js';
export {
  crmAdminClient, type CrmAdminClient, type CrmInput, type CrmListFilter, type CrmRecord, type CrmRecordMeta, type CrmStats, type CrmUser, type CrmUserInput,
  type CrmPerson, type CrmCompany, type CrmActivity, type CrmTask, type CrmAbsence,
  type EntityClient,
} from './clients/crm-admin.client.js';
export { AdminApiError, adminHttp, type AdminHttp } from './clients/admin-http.js';
