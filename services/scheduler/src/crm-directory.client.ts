import { z } from 'zod';
import { ConnectorError } from '@connector/core';
import { CONNECTOR_PRINCIPAL } from '@connector/crm-token';
import type { CrmSyncUser } from '@connector/scheduling';

const usersSchema = z.object({
  users: z.array(z.object({ id: z.string().min(1), login: z.string().min(1), email: z.string().optional(), syncEnabled: z.boolean() })),
});

export interface CrmDirectory {
  listSyncUsers(): Promise<CrmSyncUser[]>;
}

/**
 * CRM.interface's user directory (`GET /directory/sync-users`), authenticated with a token the
 * connector signs for its own principal: the master credential, no user password involved.
 */
export function crmDirectoryClient(options: { syncmlUrl: string; issueToken: (user: string) => string; timeoutMs: number }): CrmDirectory {
  const url = new URL('directory/sync-users', options.syncmlUrl.replace(/syncml\/?$/, ''));
  return {
    async listSyncUsers() {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { authorization: `CRM-Token ${options.issueToken(CONNECTOR_PRINCIPAL)}`, accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new ConnectorError('CRM_UNAVAILABLE', 'transient', `CRM directory unreachable: ${(error as Error).message}`, { cause: error });
      }
      if (response.status === 401 || response.status === 403)
        throw new ConnectorError('CRM_AUTH_FAILED', 'permanent', `CRM directory refused the connector's token (${response.status})`);
      if (!response.ok) throw new ConnectorError('CRM_UNAVAILABLE', 'transient', `CRM directory answered ${response.status}`);
      const parsed = usersSchema.safeParse(await response.json());
      if (!parsed.success) throw new ConnectorError('CRM_BAD_RESPONSE', 'bug', `CRM directory answer is malformed: ${parsed.error.message}`);
      return parsed.data.users.map((u) => ({ id: u.id, login: u.login, email: u.email, syncEnabled: u.syncEnabled }));
    },
  };
}
