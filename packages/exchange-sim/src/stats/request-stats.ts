export interface RequestLogEntry {
  at: string;
  operation: string;
  mailbox?: string;
  principal?: string;
  /** NoError, an EWS error code (first non-success message or fault), or HTTP-level outcome. */
  responseCode: string;
  httpStatus: number;
  durationMs: number;
}

export interface WriteCounters {
  creates: number;
  updates: number;
  deletes: number;
}

const LOG_LIMIT = 100_000;

/** Counters and a bounded request log, read by tests through the admin API. */
export class RequestStats {
  byOperation: Record<string, number> = {};
  byMailbox: Record<string, Record<string, number>> = {};
  writes: Record<string, WriteCounters> = {};
  log: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.byOperation[entry.operation] = (this.byOperation[entry.operation] ?? 0) + 1;
    if (entry.mailbox) {
      const perMailbox = (this.byMailbox[entry.mailbox] ??= {});
      perMailbox[entry.operation] = (perMailbox[entry.operation] ?? 0) + 1;
    }
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  countWrite(mailbox: string, kind: keyof WriteCounters, n = 1): void {
    const counters = (this.writes[mailbox] ??= { creates: 0, updates: 0, deletes: 0 });
    counters[kind] += n;
  }

  totalWrites(): WriteCounters {
    const total = { creates: 0, updates: 0, deletes: 0 };
    for (const c of Object.values(this.writes)) {
      total.creates += c.creates;
      total.updates += c.updates;
      total.deletes += c.deletes;
    }
    return total;
  }

  reset(): void {
    this.byOperation = {};
    this.byMailbox = {};
    this.writes = {};
    this.log = [];
  }
}
