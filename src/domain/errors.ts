/** Bad input: one clear message per field, nothing written. */
export class FieldValidationError extends Error {
  constructor(readonly fieldErrors: Readonly<Record<string, string>>) {
    super(
      `Invalid input: ${Object.entries(fieldErrors)
        .map(([field, message]) => `${field}: ${message}`)
        .join('; ')}`,
    );
    this.name = 'FieldValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: number | string,
  ) {
    super(`${resource} #${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

/** The actor's role does not allow the action (the server-side check behind every UI hiding). */
export class PermissionDeniedError extends Error {
  constructor(message = 'You are not allowed to do this.') {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

/** Who wrote a record last and when, from the audit log (null: no entry, e.g. a record from a seed). */
export interface LastChange {
  actorName: string | null;
  at: Date;
}

/**
 * A write against a version of the record that is no longer the current one: someone else saved
 * in between. Nothing was written; the record as it is now and its last change come along, so the
 * caller can show both sides (docs/decisions/022-optimistic-concurrency.md).
 */
/** A record as an edit conflict carries it: its fields, its id and its current version. */
export type VersionedRecord = Readonly<Record<string, unknown>> & { readonly id: number; readonly version: number };

export class EditConflictError extends Error {
  constructor(
    readonly resource: 'Customer' | 'User',
    readonly current: VersionedRecord,
    readonly expectedVersion: number,
    readonly lastChange: LastChange | null,
  ) {
    super(
      `${resource} #${current.id} was changed by someone else: version ${current.version} is current, ` +
        `version ${expectedVersion} was expected.`,
    );
    this.name = 'EditConflictError';
  }
}
