import { ConnectorError, type ErrorKind } from '@connector/core';

/** Every error this package raises on purpose; codes are stable. */
export const DASHBOARD_ERRORS = {
  DASHBOARD_UNPROTECTED: {
    kind: 'bug',
    message: 'no dashboard.adminPassword is configured: the dashboard only starts bound to 127.0.0.1 without one',
  },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;
export type DashboardErrorCode = keyof typeof DASHBOARD_ERRORS;

export class DashboardError extends ConnectorError {
  constructor(code: DashboardErrorCode, detail?: string) {
    const entry = DASHBOARD_ERRORS[code];
    super(code, entry.kind, detail ? `${entry.message} (${detail})` : entry.message);
  }
}
