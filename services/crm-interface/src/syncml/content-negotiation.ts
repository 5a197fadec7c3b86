import type { ContentTypeRef, DevInf } from '@connector/syncml';
import type { DatastoreSpec } from './syncml-backend.port.js';

/** `./contacts`, `contacts`, `http://host/syncml/contacts?x` all name the datastore `contacts`. */
export function datastoreName(locURI: string): string {
  const withoutQuery = locURI.split(/[?#]/)[0] ?? '';
  const last = withoutQuery.replace(/\/+$/, '').split('/').pop() ?? '';
  return last.toLowerCase();
}

export function resolveDatastore(specs: readonly DatastoreSpec[], locURI: string): DatastoreSpec | undefined {
  const name = datastoreName(locURI);
  return specs.find((s) => s.name === name || s.aliases.includes(name));
}

const sameType = (a: ContentTypeRef, b: ContentTypeRef): boolean =>
  a.ctType.toLowerCase() === b.ctType.toLowerCase() && (a.verCT === '' || b.verCT === '' || a.verCT === b.verCT);

/** The store's content type matching a MIME type (and version, when known). */
export function supportedType(spec: DatastoreSpec, ctType: string, verCT = ''): ContentTypeRef | undefined {
  return spec.contentTypes.find((t) => sameType(t, { ctType, verCT }));
}

/**
 * The type we send a client's datastore in: the first of its Rx-Pref, Rx we support (clients
 * list what they read best first); without DevInf for it, the store's fallback (a standard type).
 */
export function negotiateSendType(spec: DatastoreSpec, clientUri: string, devInf: DevInf | undefined): ContentTypeRef {
  const store = devInf?.dataStores.find((d) => d.sourceRef === clientUri || datastoreName(d.sourceRef) === datastoreName(clientUri));
  if (store) {
    for (const wanted of [store.rxPref, ...(store.rx ?? [])]) {
      const match = spec.contentTypes.find((t) => sameType(t, wanted));
      if (match) return match;
    }
  }
  return spec.fallbackType;
}
