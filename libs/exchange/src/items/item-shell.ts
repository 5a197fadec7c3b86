import { ItemId, ItemSchema, type Item } from 'ews-javascript-api';

interface BagInternals {
  loading: boolean;
  _setItem(def: unknown, value: unknown): void;
  ClearChangeLog(): void;
}

/**
 * Turns a new, empty item object into a stand-in for an existing item with this id and change
 * key, without fetching it: what is set on it afterwards is exactly the UpdateItem change set.
 * Fetching first (Item.Bind) would cost a round trip and replace the caller's change key with the
 * current one, hiding the very conflict the change key is there to reveal.
 */
export function asExisting<T extends Item>(item: T, id: ItemId): T {
  const bag = (item as unknown as { PropertyBag: BagInternals }).PropertyBag;
  bag.loading = true;
  try {
    bag._setItem(ItemSchema.Id, id);
  } finally {
    bag.loading = false;
  }
  bag.ClearChangeLog();
  return item;
}

/** An ItemId with its change key (the library's constructor takes only the id). */
export function itemIdWithKey(uniqueId: string, changeKey?: string): ItemId {
  const id = new ItemId(uniqueId);
  if (changeKey) id.ChangeKey = changeKey;
  return id;
}
