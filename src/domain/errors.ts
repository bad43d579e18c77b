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
