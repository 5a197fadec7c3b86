import type { ChangeJob } from '@connector/core';
import type { ExchangePort } from '@connector/exchange';
import type { OtherSideInput } from '@connector/rules';
import type { StoredLink } from '@connector/state';
import { OtherSideUnavailableError } from './other-side-unavailable.error.js';

/**
 * Reads the current Exchange item of a pair whose CRM side changed, so the merge sees both
 * sides. CRM-side reads are not offered by CRM.interface yet: for an Exchange change the link's
 * merge base stands in for the CRM item (a CRM change arrives as its own job).
 */
export function otherSideReader(exchange: ExchangePort) {
  return async (link: StoredLink, change: ChangeJob): Promise<OtherSideInput | undefined> => {
    if (change.origin !== 'crm' || !link.exchange) return undefined;
    let results;
    try {
      results = await exchange.getItems(change.mailbox, change.objectType, [link.exchange.itemId]);
    } catch (error) {
      throw new OtherSideUnavailableError(`cannot read the Exchange item: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const [result] = results;
    if (!result) return undefined;
    if (result.ok) return { item: result.value.item };
    // A deleted Exchange item arrives as its own delete change; decide against the base meanwhile.
    if (result.error.code === 'EXCHANGE_ITEM_NOT_FOUND') return undefined;
    throw new OtherSideUnavailableError(result.error.message, { cause: result.error });
  };
}
