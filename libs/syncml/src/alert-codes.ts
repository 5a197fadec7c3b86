/** Alert codes of OMA DS 1.2 (Sync Protocol): sync types and session control alerts. */
export const ALERT = {
  TWO_WAY: 200,
  SLOW_SYNC: 201,
  ONE_WAY_FROM_CLIENT: 202,
  REFRESH_FROM_CLIENT: 203,
  ONE_WAY_FROM_SERVER: 204,
  REFRESH_FROM_SERVER: 205,
  TWO_WAY_BY_SERVER: 206,
  ONE_WAY_FROM_CLIENT_BY_SERVER: 207,
  REFRESH_FROM_CLIENT_BY_SERVER: 208,
  ONE_WAY_FROM_SERVER_BY_SERVER: 209,
  REFRESH_FROM_SERVER_BY_SERVER: 210,
  RESULT_ALERT: 221,
  NEXT_MESSAGE: 222,
  NO_END_OF_DATA: 223,
  SUSPEND: 224,
  RESUME: 225,
} as const;

export const ALERT_CODE_NAMES: ReadonlyMap<number, string> = new Map([
  [200, 'Two-way sync'],
  [201, 'Slow sync'],
  [202, 'One-way sync from client only'],
  [203, 'Refresh sync from client only'],
  [204, 'One-way sync from server only'],
  [205, 'Refresh sync from server only'],
  [206, 'Two-way sync alerted by server'],
  [207, 'One-way sync from client only alerted by server'],
  [208, 'Refresh sync from client only alerted by server'],
  [209, 'One-way sync from server only alerted by server'],
  [210, 'Refresh sync from server only alerted by server'],
  [221, 'Result alert'],
  [222, 'Next message'],
  [223, 'No end of data'],
  [224, 'Suspend'],
  [225, 'Resume'],
]);

/** Alert codes that start the synchronization of a datastore (200-210). */
export function isSyncTypeAlert(code: number): boolean {
  return code >= 200 && code <= 210;
}

/** Alert codes 206-210: the server asks the client to start the given sync type. */
export function isServerAlertedSync(code: number): boolean {
  return code >= 206 && code <= 210;
}

/** The client-initiated sync type a server-alerted code (206-210) asks for (200, 202-205). */
export function serverAlertedToSyncType(code: number): number | undefined {
  return isServerAlertedSync(code) ? ({ 206: 200, 207: 202, 208: 203, 209: 204, 210: 205 } as Record<number, number>)[code] : undefined;
}

export function alertName(code: number): string {
  return ALERT_CODE_NAMES.get(code) ?? `Unknown alert ${code}`;
}
