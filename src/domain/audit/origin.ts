import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the current change comes from; the HTTP layer sets it for each request. */
export interface RequestOrigin {
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestOrigin>();

export function runWithOrigin<T>(origin: RequestOrigin, fn: () => T): T {
  return storage.run(origin, fn);
}

export function currentOrigin(): RequestOrigin {
  return storage.getStore() ?? {};
}
