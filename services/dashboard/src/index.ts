export { buildDashboard } from './dashboard.app.js';
export type { DashboardDeps } from './dashboard.deps.js';
export { overview, mailboxDetail, type Overview, type MailboxSummary, type MailboxDetail } from './dashboard-data.js';
export { syncNow, retryQuarantined, resolveConflict, type ActionOutcome, type ActionResult } from './dashboard.actions.js';
export { ADMIN_USER, checkBinding } from './auth.js';
export { DASHBOARD_ERRORS, DashboardError, type DashboardErrorCode } from './dashboard.error.js';
