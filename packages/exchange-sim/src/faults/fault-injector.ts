export type FaultKind = 'latency' | 'serverBusy' | 'serverBusyFault' | 'http503' | 'http500' | 'drop' | 'timeout' | 'budget' | 'concurrency';

export const FAULT_KINDS: FaultKind[] = ['latency', 'serverBusy', 'serverBusyFault', 'http503', 'http500', 'drop', 'timeout', 'budget', 'concurrency'];

export interface FaultRule {
  /** Operation name (GetItem…) or "*". */
  operation?: string;
  /** Acting mailbox (after impersonation) or "*". */
  mailbox?: string;
  kind: FaultKind;
  /** Chance per matching request, 0..1 (default 1). */
  probability?: number;
  /** For serverBusy*: the BackOffMilliseconds value sent (default 200). */
  backOffMs?: number;
  /** For latency / timeout: the delay (timeout defaults to 120 s). */
  latencyMs?: number;
  /** Stop after this many hits. */
  times?: number;
  /** For budget: requests per second each mailbox may make (a token bucket, as Exchange's budgets recharge). */
  ratePerSecond?: number;
  /** For budget: how many requests a mailbox may make at once before the rate applies (default = ratePerSecond). */
  burst?: number;
  /** For concurrency: requests a mailbox may have in flight at once (EWSMaxConcurrency; default 10). */
  maxConcurrency?: number;
}

export interface FaultConfig {
  seed?: number;
  rules: FaultRule[];
}

export interface FaultDecision {
  delayMs: number;
  fault?: FaultRule;
}

/** mulberry32: small, fast and, with a seed, the same sequence every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Decides per request which configured faults apply. Every matching rule draws one number in
 * request order, so with a seed the same request sequence gets the same faults.
 */
export class FaultInjector {
  private config: FaultConfig = { rules: [] };
  private random = prng(Date.now());
  private hits: number[] = [];
  private buckets = new Map<string, { tokens: number; at: number }>();

  configure(config: FaultConfig): void {
    for (const rule of config.rules) {
      if (!FAULT_KINDS.includes(rule.kind)) {
        throw new Error(`unknown fault kind '${String(rule.kind)}'`);
      }
      if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) throw new Error('probability must be within 0..1');
    }
    this.config = { seed: config.seed, rules: config.rules.map((r) => ({ ...r })) };
    this.random = prng(config.seed ?? Date.now());
    this.hits = config.rules.map(() => 0);
    this.buckets = new Map();
  }

  /**
   * A budget rule answers ErrorServerBusy (as a fault) once a mailbox's bucket is empty, with
   * the time until the next request is allowed as BackOffMilliseconds.
   */
  private overBudget(rule: FaultRule, index: number, mailbox: string | undefined): FaultRule | undefined {
    const rate = rule.ratePerSecond ?? 10;
    const burst = rule.burst ?? rate;
    const key = `${index}|${mailbox ?? ''}`;
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { ...rule, kind: 'serverBusyFault', backOffMs: Math.ceil(((1 - bucket.tokens) / rate) * 1000) };
  }

  current(): FaultConfig & { hits: number[] } {
    return { ...this.config, hits: [...this.hits] };
  }

  /** `inFlight`: the acting mailbox's other requests still being served. */
  decide(operation: string, mailbox: string | undefined, inFlight = 0): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    this.config.rules.forEach((rule, i) => {
      if (rule.operation && rule.operation !== '*' && rule.operation !== operation) return;
      if (rule.mailbox && rule.mailbox !== '*' && rule.mailbox.toLowerCase() !== mailbox) return;
      if (rule.times !== undefined && this.hits[i]! >= rule.times) return;
      if (rule.kind === 'concurrency') {
        if (!decision.fault && inFlight >= (rule.maxConcurrency ?? 10)) {
          decision.fault = rule;
          this.hits[i]!++;
        }
        return;
      }
      if (rule.kind === 'budget') {
        const busy = decision.fault ? undefined : this.overBudget(rule, i, mailbox);
        if (busy) {
          decision.fault = busy;
          this.hits[i]!++;
        }
        return;
      }
      if (this.random() >= (rule.probability ?? 1)) return;
      if (rule.kind === 'latency') {
        decision.delayMs += rule.latencyMs ?? 0;
      } else if (!decision.fault) {
        decision.fault = rule;
      } else return;
      this.hits[i]!++;
    });
    return decision;
  }
}
