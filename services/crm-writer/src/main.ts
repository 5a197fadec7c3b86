import { runService } from '@connector/runtime';
import { rulesForMailbox } from '@connector/scheduling';
import { openCrm, openCursors, openExchange, openRedis, openState, startWriteWorker } from '@connector/wiring';
import { writeToCrm } from './crm-write.processor.js';
import { serialSessions } from './serial-sessions.adapter.js';

await runService({
  name: 'crm-writer',
  defaultPort: 8725,
  async start(context) {
    const state = await openState(context);
    const redis = openRedis(context);
    const crm = openCrm(context, openCursors(context, redis));
    // Filed e-mails are marked in Exchange once the CRM holds them.
    const filing = { exchange: openExchange(context), rulesFor: (mailbox: string) => rulesForMailbox(context.config, mailbox) };
    const deps = { crm: serialSessions(crm), links: state.links, filing };
    startWriteWorker(context, { target: 'crm', state, write: (job) => writeToCrm(job, deps) });
  },
});
