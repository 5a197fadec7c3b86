import type { CrmClient } from '@connector/crm-client';

type Writer = Pick<CrmClient, 'writeChanges'>;

/**
 * Every write session of one user and datastore uses the same pair of SyncML anchors (the writer's
 * device). Two sessions at once race on them: the one that starts with a Last anchor another has
 * just replaced gets 508 and a slow sync, which ships the user's whole datastore for one item.
 * So this process runs one session at a time per user and datastore (other pairs stay parallel).
 */
export function serialSessions(crm: Writer): Writer {
  const tails = new Map<string, Promise<unknown>>();
  return {
    writeChanges(user, datastore, items) {
      const key = `${user}\n${datastore}`;
      const result = (tails.get(key) ?? Promise.resolve()).then(() => crm.writeChanges(user, datastore, items));
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
