import type { Command, CommandDraft, Item, Status } from '@connector/syncml';
import { commandStatus } from '@connector/syncml';

/** Status codes and commands of one response message, in the order they are sent. */
export class Reply {
  readonly statuses: CommandDraft[] = [];
  readonly commands: CommandDraft[] = [];

  constructor(readonly msgRef: number) {}

  /** One Status for a received command (refs from its items, Sync or Map). */
  status(received: Command, code: number, items?: Item[]): void {
    if ('noResp' in received && received.noResp) return;
    const status = commandStatus(received, this.msgRef, code, 0);
    if (items) status.items = items;
    this.statuses.push(strip(status));
  }

  /** A Status for one item of a command: multi-item commands get one Status per item. */
  itemStatus(received: Command, code: number, refs: { target?: string; source?: string }, items?: Item[]): void {
    if ('noResp' in received && received.noResp) return;
    const status: Status = { kind: 'Status', cmdID: 0, msgRef: this.msgRef, cmdRef: received.cmdID, cmd: received.kind, data: code };
    if (refs.target !== undefined) status.targetRef = [refs.target];
    if (refs.source !== undefined) status.sourceRef = [refs.source];
    if (items) status.items = items;
    this.statuses.push(strip(status));
  }

  command(draft: CommandDraft): void {
    this.commands.push(draft);
  }

  get hasCommands(): boolean {
    return this.commands.length > 0;
  }
}

function strip(status: Status): CommandDraft {
  const { cmdID: _id, ...draft } = status;
  return draft;
}
