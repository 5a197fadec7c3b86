/**
 * CmdID sequencing: CmdIDs are unique within a message and start at 1; 0 is reserved for
 * references to the SyncHdr (Status CmdRef 0).
 */
export class CmdIdSequence {
  #next: number;

  constructor(start = 1) {
    this.#next = start;
  }

  next(): number {
    return this.#next++;
  }

  peek(): number {
    return this.#next;
  }

  reset(start = 1): void {
    this.#next = start;
  }
}

/** Session-wide MsgID counter: each side numbers its own messages 1, 2, 3, ... */
export class MsgIdSequence extends CmdIdSequence {}
