/**
 * Optimistic concurrency (docs/decisions/022-optimistic-concurrency.md): a writer may name the
 * version of the record it read; the services refuse the write when the record has moved on.
 */

/** What a write may be conditioned on. Without `expectedVersion` the last save wins, as before. */
export interface WriteCondition {
  expectedVersion?: number;
}

/** A version as a form or header carries it: "3" → 3; anything but a positive whole number → undefined. */
export function parseVersion(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const version = Number(text);
  return Number.isSafeInteger(version) ? version : undefined;
}

/** How a service reads its record and explains a refused write, for changeAtVersion. */
export interface VersionedRecords<R extends { version: number }> {
  read(): Promise<R>;
  conflict(current: R, expectedVersion: number): Promise<Error>;
}

/**
 * Reads the record and applies `change` to what it read; `change` writes only if the record is
 * still at the version read, and answers null when it is not. With an expected version, a record
 * that has moved on — before the read or in the race after it — refuses the change (the service's
 * conflict error). Without one the caller asked for "the last save wins": a lost race reads the
 * newer record and applies the change to it.
 */
export async function changeAtVersion<R extends { version: number }, T>(
  records: VersionedRecords<R>,
  { expectedVersion }: WriteCondition,
  change: (read: R) => Promise<T | null>,
): Promise<T> {
  for (;;) {
    const read = await records.read();
    if (expectedVersion !== undefined && read.version !== expectedVersion)
      throw await records.conflict(read, expectedVersion);
    const written = await change(read);
    if (written !== null) return written;
    if (expectedVersion !== undefined) throw await records.conflict(await records.read(), expectedVersion);
  }
}
