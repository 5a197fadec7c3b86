export type FaultKind = 'latency' | 'serverBusy' | 'serverBusyFault' | 'http503' | 'http500' | 'drop' | 'timeout';

export const FAULT_KINDS: FaultKind[] = ['latency', 'serverBusy', 'serverBusyFault', 'http503', 'http500', 'drop', 'timeout'];

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
  }

  current(): FaultConfig & { hits: number[] } {
    return { ...this.config, hits: [...this.hits] };
  }

  decide(operation: string, mailbox: string | undefined): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    this.config.rules.forEach((rule, i) => {
      if (rule.operation && rule.operation !== '*' && rule.operation !== operation) return;
      if (rule.mailbox && rule.mailbox !== '*' && rule.mailbox.toLowerCase() !== mailbox) return;
      if (rule.times !== undefined && this.hits[i]! >= rule.times) return;
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
