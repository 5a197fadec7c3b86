import { ConnectorError } from './error-kinds.js';

export interface ContractIssue {
  path: string;
  message: string;
}

/** A job payload that breaks its queue's contract: never retried, it would fail the same way. */
export class JobContractError extends ConnectorError {
  constructor(
    readonly queue: string,
    readonly issues: ContractIssue[],
  ) {
    super(
      'JOB_CONTRACT_VIOLATION',
      'permanent',
      `invalid ${queue} job: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
}
