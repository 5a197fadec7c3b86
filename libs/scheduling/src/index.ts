export { pollSides } from './poll-sides.js';
export { activeMailboxes, type ActiveMailbox, type CrmSyncUser } from './mailbox-directory.js';
export { requestPoll, type PollMode, type PollQueues, type PollTarget } from './poll-requests.js';
export { isDrained, waitUntilDrained } from './drain.js';
export { MailboxRegistry, rulesForMailbox, type MailboxEntry } from './mailbox-registry.js';
