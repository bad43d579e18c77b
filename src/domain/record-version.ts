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
