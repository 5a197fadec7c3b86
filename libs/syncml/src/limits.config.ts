/**
 * Parse limits. Every one is checked by a linear pre-scan of the raw text before any object
 * tree is built, so hostile input costs O(bytes) time and no allocation beyond the input.
 */
export interface SyncmlLimits {
  /** Maximum body size in bytes (UTF-8). */
  maxBytes: number;
  /** Maximum element nesting depth (SyncML root = 1). */
  maxDepth: number;
  /** Maximum number of XML elements in one message. */
  maxElements: number;
  /** Maximum number of commands (SyncBody children plus commands nested in Sync/Atomic/Sequence). */
  maxCommands: number;
  /** Maximum number of Item / MapItem elements. */
  maxItems: number;
}

/**
 * Defaults. 20 MiB is far above any MaxMsgSize we advertise (large objects travel in chunks
 * under MaxMsgSize), yet small enough that one hostile request cannot exhaust memory.
 * Depth 32 leaves room for the deepest legal path (SyncML/SyncBody/Results/Item/Data/DevInf/
 * DataStore/CTCap/Property/PropParam/ValEnum is 11) plus Atomic/Sequence wrappers.
 */
export const DEFAULT_LIMITS: Readonly<SyncmlLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 1_000_000,
  maxCommands: 10_000,
  maxItems: 50_000,
});

export function resolveLimits(overrides?: Partial<SyncmlLimits>): SyncmlLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
