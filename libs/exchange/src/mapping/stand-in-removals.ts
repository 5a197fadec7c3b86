import { ExtendedProperty, type ExtendedPropertyDefinition, type Item } from 'ews-javascript-api';

interface DictionaryInternals<K> {
  Contains(key: K): boolean;
  InternalRemove(key: K): void;
  CreateEntryInstance?(): { Key: K };
  removedEntries: { Add(key: K, entry: unknown): void };
  Changed(): void;
}

/**
 * Removes an indexed entry (a contact's EmailAddress2, HomePhone…). The library only emits
 * DeleteItemField for entries it loaded before; an update built without a prior GetItem has none,
 * so the removal is recorded directly. On a new item there is nothing to remove.
 */
export function removeDictionaryEntry<K>(item: Item, dictionary: unknown, key: K): void {
  const dict = dictionary as DictionaryInternals<K>;
  if (dict.Contains(key)) {
    dict.InternalRemove(key);
    return;
  }
  if (item.IsNew) return;
  const entry = dict.CreateEntryInstance ? dict.CreateEntryInstance() : { Key: key };
  entry.Key = key;
  dict.removedEntries.Add(key, entry);
  dict.Changed();
}

interface ExtendedCollectionInternals {
  removedItems: unknown[];
  Changed(): void;
}

/**
 * Deletes one of our extended properties (DeleteItemField). As with dictionary entries, the
 * library only deletes what it loaded; on an update stand-in nothing is loaded, so record it.
 */
export function removeExtendedProperty(item: Item, def: ExtendedPropertyDefinition): void {
  if (item.IsNew || item.RemoveExtendedProperty(def)) return;
  const collection = item.ExtendedProperties as unknown as ExtendedCollectionInternals;
  collection.removedItems.push(new ExtendedProperty(def));
  collection.Changed();
}
