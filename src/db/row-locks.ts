/**
 * Row locks for rules that read rows they do not write ("is anyone else still an active
 * superuser?"). Under PostgreSQL's READ COMMITTED two transactions could each miss the other's
 * change; the no-op UPDATE below makes the second wait for the first and then see its result.
 * (SERIALIZABLE would do too, but a serialization failure at COMMIT leaves the connection checked
 * out of the driver adapter's pool.) On SQLite it takes the database's write lock, as any write does.
 */
import type { Transaction } from './transaction.js';

export async function lockActiveSuperusers(tx: Transaction): Promise<void> {
  await tx.$executeRaw`UPDATE "User" SET "isActive" = "isActive" WHERE "role" = 'SUPERUSER' AND "isActive" = true`;
}
