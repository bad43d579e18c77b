import { ForbiddenError, NotFoundError as AdminNotFoundError, ValidationError } from 'adminjs';
import { EditConflictError, FieldValidationError, NotFoundError, PermissionDeniedError } from '../domain/errors.js';
import { conflictMessage } from './edit-conflict.js';

/** The field a record-state refusal is reported under (the panel never edits it). */
const RECORD_STATE_FIELD = 'deletedAt';

/**
 * Calls a domain function and rethrows its errors as the ones AdminJS shows on the form. An edit
 * conflict becomes what `onConflict` makes of it (a form shows both values: editConflictError), or
 * else a message naming who changed the record.
 */
export async function asAdminErrors<T>(
  call: () => Promise<T>,
  onConflict?: (conflict: EditConflictError) => Error,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof FieldValidationError) {
      const propertyErrors = Object.fromEntries(
        Object.entries(error.fieldErrors).map(([field, message]) => [field, { message }]),
      );
      // A rule about the record as a whole (a deleted customer is not edited) has no field on the form: its text is the notice.
      const recordMessage = error.fieldErrors[RECORD_STATE_FIELD];
      throw new ValidationError(propertyErrors, { message: recordMessage ?? 'Please correct the highlighted fields.' });
    }
    if (error instanceof EditConflictError) {
      throw onConflict
        ? onConflict(error)
        : new ValidationError(
            {},
            { message: `${conflictMessage(error)} Nothing was changed: look at it again first.` },
          );
    }
    if (error instanceof PermissionDeniedError) throw new ForbiddenError(error.message);
    if (error instanceof NotFoundError) throw new AdminNotFoundError(error.message, 'NotFoundError');
    throw error;
  }
}
