import type { FaultConfig, Item, MailboxSpec, RequestLogEntry, SeedItem, WriteCounters } from '@connector/exchange-sim';
import { adminHttp, query } from './admin-http.js';

export interface SimMailbox {
  smtp: string;
  displayName: string;
  locale: string;
  canImpersonate: boolean;
  items?: number;
}

export interface SimFolder {
  id: string;
  parentId: string | undefined;
  displayName: string;
  folderClass: string;
  distinguished?: string;
  totalCount: number;
}

export interface SimStats {
  byOperation: Record<string, number>;
  byMailbox: Record<string, Record<string, number>>;
  /** EWS writes per mailbox (admin seeding and user actions are not counted). */
  writes: Record<string, WriteCounters>;
  totalWrites: WriteCounters;
}

export interface LogQuery {
  /** ISO time; entries at or after it. */
  since?: string;
  operation?: string;
  mailbox?: string;
}

/**
 * The Exchange simulator's admin API, typed. Folders are named as the admin API takes them: a
 * distinguished name ("inbox", "calendar"), a folder id, or a path below the message root
 * ("inbox/CRM"). Edits through `asUser` are what Outlook would do: they change the mailbox but
 * are not EWS writes.
 */
export function exchangeSimClient(baseUrl: string, adminKey: string) {
  const http = adminHttp(baseUrl, adminKey);
  const enc = encodeURIComponent;
  return {
    baseUrl,
    mailboxes: () => http.request<SimMailbox[]>('GET', '/admin/mailboxes'),
    createMailbox: (spec: MailboxSpec) => http.request<SimMailbox>('POST', '/admin/mailboxes', spec),
    folders: (smtp: string) => http.request<SimFolder[]>('GET', `/admin/mailboxes/${enc(smtp)}/folders`),
    createFolder: (smtp: string, folder: { displayName: string; parent?: string; folderClass?: string }) =>
      http.request<{ id: string; displayName: string }>('POST', `/admin/mailboxes/${enc(smtp)}/folders`, folder),
    /** Items as a mail flow or a user would have made them; each goes to its kind's default folder unless `folder` is given. */
    seedItems: async (smtp: string, items: SeedItem[], folder?: string) =>
      (await http.request<{ ids: { id: string; changeKey: string }[] }>('POST', `/admin/mailboxes/${enc(smtp)}/items`, { folder, items })).ids,
    /** One item, as `seedItems`; returns its id and change key. */
    seedItem: async (smtp: string, item: SeedItem, folder?: string) =>
      (await http.request<{ ids: { id: string; changeKey: string }[] }>('POST', `/admin/mailboxes/${enc(smtp)}/items`, { folder, items: [item] })).ids[0]!,
    items: (smtp: string, folder = 'inbox') => http.request<Item[]>('GET', `/admin/mailboxes/${enc(smtp)}/items${query({ folder })}`),
    item: (id: string) => http.request<Item>('GET', `/admin/items/${enc(id)}`),
    asUser: {
      update: (id: string, change: { fields?: Record<string, unknown>; unset?: string[] }) => http.request<Item>('PATCH', `/admin/items/${enc(id)}`, change),
      delete: (id: string) => http.request<{ deleted: true }>('DELETE', `/admin/items/${enc(id)}`),
      move: (id: string, folder: string, mailbox?: string) => http.request<Item>('POST', `/admin/items/${enc(id)}/move`, { folder, mailbox }),
      copy: (id: string, folder: string, mailbox?: string) => http.request<Item>('POST', `/admin/items/${enc(id)}/copy`, { folder, mailbox }),
      respond: (id: string, response: 'Accept' | 'Decline' | 'Tentative') => http.request<Item>('POST', `/admin/items/${enc(id)}/respond`, { response }),
    },
    stats: () => http.request<SimStats>('GET', '/admin/stats'),
    log: (filter: LogQuery = {}) => http.request<RequestLogEntry[]>('GET', `/admin/log${query({ ...filter })}`),
    /** Messages the simulator "sent" (meeting requests, SendItem). */
    outbox: () => http.request<unknown[]>('GET', '/admin/outbox'),
    /** The rules in force and how often each has struck so far (`hits[i]` for `rules[i]`). */
    faults: () => http.request<FaultConfig & { hits: number[] }>('GET', '/admin/faults'),
    setFaults: (config: FaultConfig) => http.request<FaultConfig>('PUT', '/admin/faults', config),
    clearFaults: () => http.request<FaultConfig>('DELETE', '/admin/faults'),
    /** Counters, log, faults and outbox; with `data` the mailboxes too. */
    reset: (options: { data?: boolean } = {}) => http.request<{ reset: true }>('POST', '/admin/reset', options),
  };
}

export type ExchangeSimClient = ReturnType<typeof exchangeSimClient>;
