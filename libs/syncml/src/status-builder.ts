import type { Command, Status, SyncHdr } from './message.model.js';

export interface StatusExtras {
  items?: Status['items'];
  chal?: Status['chal'];
}

/** Status answering a received SyncHdr (CmdRef 0, Cmd SyncHdr, refs from the header). */
export function headerStatus(header: SyncHdr, code: number, cmdID: number, extras: StatusExtras = {}): Status {
  return {
    kind: 'Status',
    cmdID,
    msgRef: header.msgID,
    cmdRef: 0,
    cmd: 'SyncHdr',
    targetRef: [header.target.locURI],
    sourceRef: [header.source.locURI],
    ...extras,
    data: code,
  };
}

/**
 * Status answering one received command. Target/SourceRef are taken from the Sync or the
 * command's items so the other side can match per-item statuses.
 */
export function commandStatus(received: Command, msgRef: number, code: number, cmdID: number, extras: StatusExtras = {}): Status {
  const cmd = received.kind === 'Unsupported' ? received.name : received.kind;
  const status: Status = { kind: 'Status', cmdID, msgRef, cmdRef: received.cmdID, cmd, data: code, ...extras };
  let targets: string[] = [];
  let sources: string[] = [];
  if (received.kind === 'Sync' || received.kind === 'Map') {
    targets = received.target ? [received.target.locURI] : [];
    sources = received.source ? [received.source.locURI] : [];
  } else if ('items' in received) {
    targets = (received.items ?? []).flatMap((i) => (i.target ? [i.target.locURI] : []));
    sources = (received.items ?? []).flatMap((i) => (i.source ? [i.source.locURI] : []));
  }
  if (targets.length > 0) status.targetRef = targets;
  if (sources.length > 0) status.sourceRef = sources;
  return status;
}
