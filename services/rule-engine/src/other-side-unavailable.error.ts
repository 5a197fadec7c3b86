import { ConnectorError } from '@connector/core';

/** Reading the other side failed in a way that says nothing about this item: retry later. */
export class OtherSideUnavailableError extends ConnectorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('OTHER_SIDE_UNAVAILABLE', 'transient', message, options);
  }
}
