import { onFirstUse } from '../../composition/onFirstUse';
import type { StoredProducts } from '../../domain/catalog/catalogDocument';

/** A read of the catalog's store, with the store's version of what was read (an ETag) when it has one. */
export interface CatalogRead extends StoredProducts {
  version?: string;
}

/** Where the catalog lives: the object the stack deploys to the catalog bucket, or the store's product API. */
export interface CatalogStore {
  /** Where, for logs and errors. */
  readonly location: string;
  /** Reads the catalog; `undefined` when the store still holds `knownVersion`. */
  read(knownVersion?: string): Promise<CatalogRead | undefined>;
}

export class CatalogStoreError extends Error {
  override readonly name = 'CatalogStoreError';
}

/**
 * A store whose adapter (and its client) is loaded at the first read, not at
 * the cold start: the S3 client is a fifth of a bundle that a function does
 * not need before its first request.
 */
export function lazyCatalogStore(location: string, load: () => Promise<CatalogStore>): CatalogStore {
  const store = onFirstUse(load);
  return { location, read: async (knownVersion) => (await store()).read(knownVersion) };
}
