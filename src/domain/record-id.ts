/**
 * Record ids: positive 32-bit integers, the range of every id column (INTEGER on SQLite, int4 on
 * PostgreSQL). An id outside it names no record — and PostgreSQL would refuse it with an error
 * rather than find nothing — so it is checked before any query.
 */
export const MAX_ID = 2_147_483_647;

/** The id `value` names ("42", 42), or undefined when it names no possible record ("x", "0", "99999999999"). */
export function recordIdOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_ID ? id : undefined;
}

/** The ids among `values` that can name a record. */
export function recordIdsOf(values: unknown[]): number[] {
  return values.map(recordIdOf).filter((id): id is number => id !== undefined);
}
