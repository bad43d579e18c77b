/**
 * An edit conflict as the panel shows it (docs/decisions/022-optimistic-concurrency.md). It is a
 * ValidationError, so AdminJS writes nothing and shows the form again: the message says who changed
 * the record and when, each field the two saves disagree on carries their value and yours, and the
 * form moves on to the current version, so that saving again applies what the form then holds.
 * The EditConflict component lays the fields out as a table with "Keep mine" and "Take theirs".
 */
import { ValidationError, type ActionContext, type PropertyErrors } from 'adminjs';
import { FIELD_LABELS } from '../domain/audit/audit-sentences.js';
import type { EditConflictError } from '../domain/errors.js';
import { EDIT_CONFLICT_COMPONENT } from './components.js';
import { parseVersion, type WriteCondition } from '../domain/record-version.js';

/** `baseError.type` of a conflict; the EditConflict component looks for it. */
export const EDIT_CONFLICT = 'editConflict';

/**
 * Not a column: the head of the edit form, where the EditConflict component shows a conflict. The
 * resources list it first among their edit properties.
 */
export const EDIT_CONFLICT_PROPERTY = 'editConflict';

/** The options of EDIT_CONFLICT_PROPERTY: on the edit form only; the component sends no value. */
export const editConflictProperty = {
  type: 'string',
  components: { edit: EDIT_CONFLICT_COMPONENT },
  isVisible: { list: false, show: false, edit: true, filter: false },
} as const;

export interface ConflictField {
  path: string;
  label: string;
  /** As the form shows them: the saved value, and the one the clerk submitted. */
  theirs: string;
  yours: string;
}

/** What `record.baseError` holds after a conflict (the RecordError AdminJS serialises, plus these). */
export interface EditConflictBaseError {
  type: typeof EDIT_CONFLICT;
  message: string;
  actorName: string | null;
  /** ISO 8601; the browser shows it in local time. */
  at: string | null;
  fields: ConflictField[];
}

const NOUNS = { Customer: 'customer', User: 'staff account' } as const;
const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A value as a form field holds it: text, a number, a flag ("true"), or nothing. */
function formText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value instanceof Date ? value.toISOString() : '';
}

/**
 * The version a panel form or confirmation sent back. None: the write is unconditional (a form from
 * before versions). One that is not a version at all names none of the record's: refused.
 */
export function writeConditionOf(version: unknown): WriteCondition {
  if (version === undefined || version === null || version === '') return {};
  return { expectedVersion: parseVersion(version) ?? 0 };
}

/**
 * "Someone else changed this customer while you were editing (Grace Hopper, 14:02 UTC)." The
 * component repeats it with the time in the reader's own zone.
 */
export function conflictMessage({ resource, lastChange }: EditConflictError): string {
  const who = lastChange
    ? ` (${lastChange.actorName ?? 'a deleted account'}, ${clockTime.format(lastChange.at)} UTC)`
    : '';
  return `Someone else changed this ${NOUNS[resource]} while you were editing${who}.`;
}

/**
 * The ValidationError for a conflict. `theirs` is the current record as the form shows its values;
 * `yours` the fields the form sent. A field on which both agree is not a conflict and is left out.
 */
export function editConflictError(
  conflict: EditConflictError,
  theirs: Readonly<Record<string, unknown>>,
  yours: Readonly<Record<string, unknown>>,
  context: ActionContext | undefined,
): ValidationError {
  // In the record's order (the form's), whatever order the form sent its fields in.
  const fields: ConflictField[] = Object.keys(theirs)
    .filter((path) => Object.hasOwn(yours, path) && formText(theirs[path]) !== formText(yours[path]))
    .map((path) => ({
      path,
      label: FIELD_LABELS[path] ?? path,
      theirs: formText(theirs[path]),
      yours: formText(yours[path]),
    }));
  const message = conflictMessage(conflict);
  const propertyErrors: PropertyErrors = Object.fromEntries(
    fields.map(({ path, theirs: saved }) => [
      path,
      { type: EDIT_CONFLICT, message: `Changed to “${saved || '(empty)'}” while you were editing.` },
    ]),
  );
  // The form AdminJS sends back holds what was submitted; its version becomes the current one.
  context?.record?.storeParams({ version: conflict.current.version });
  const baseError: EditConflictBaseError = {
    type: EDIT_CONFLICT,
    message: `${message} Nothing was saved: compare the values below, then save again.`,
    actorName: conflict.lastChange?.actorName ?? null,
    at: conflict.lastChange?.at.toISOString() ?? null,
    fields,
  };
  return new ValidationError(propertyErrors, baseError);
}
