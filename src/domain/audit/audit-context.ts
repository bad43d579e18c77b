import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the current change comes from; the HTTP layer sets it for each request. */
export interface AuditContext {
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<AuditContext>();

export function runWithAuditContext<T>(origin: AuditContext, fn: () => T): T {
  return storage.run(origin, fn);
}

export function currentAuditContext(): AuditContext {
  return storage.getStore() ?? {};
}
