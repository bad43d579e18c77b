/**
 * Audit entries as sentences a clerk reads — "Email: ada@old.example → ada@new.example", one per
 * changed field, with field labels and values as the panel shows them, never JSON. The one
 * renderer behind a record's History, the audit log's entry page and the Home's Recent actions.
 */
import { formatPhone } from '../customers/phone.js';
import type { AuditAction } from './audit-log.js';

export interface AuditSentences {
  /** What happened, as a verb phrase: "Added", "Changed", "Deleted", "Signed in". */
  summary: string;
  /**
   * What a line about the entry says after its time and author ("10:55 · Ann Clerk · …"): one per
   * changed field for a change ("Email: ada@old.example → ada@new.example"), else the summary.
   */
  sentences: string[];
  /** The values a new record was given ("Email: ada@example.com"), or a failed sign-in's address. */
  details: string[];
}

const SUMMARIES: Record<AuditAction, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
  login: 'Signed in',
  login_failed: 'Sign-in failed',
  logout: 'Signed out',
  password_change: 'Changed their password',
  password_reset: 'Set a new password',
  activate: 'Activated',
  deactivate: 'Deactivated',
  role_change: 'Changed the role',
  invitation_sent: 'Sent an invitation',
  invitation_accepted: 'Accepted the invitation',
  import: 'Imported customers',
  export: 'Exported customers',
};

/** Field labels, as the panel's forms name them. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  notes: 'Notes',
  name: 'Name',
  role: 'Role',
  isActive: 'Active',
  deletedAt: 'Deleted',
  fileName: 'File',
};

/** A failed sign-in records the address typed, which need not be anyone's. */
const LABELS_BY_ACTION: Partial<Record<AuditAction, Record<string, string>>> = {
  login_failed: { email: 'Email tried' },
};

/** Fields a summary already says: the timestamp of a soft delete, the flag of a deactivation. */
const SAID_BY_SUMMARY: Partial<Record<AuditAction, readonly string[]>> = {
  delete: ['deletedAt'],
  restore: ['deletedAt'],
  activate: ['isActive'],
  deactivate: ['isActive'],
};

/** Actions whose changed fields say it all ("Changed" goes without saying before them). */
const SAID_BY_FIELDS: ReadonlySet<string> = new Set<AuditAction>(['update', 'role_change']);

/** Actions that give values rather than change them: a new record, a failed sign-in's address, an import, an export's list. */
const GIVES_VALUES: ReadonlySet<string> = new Set<AuditAction>(['create', 'login_failed', 'import', 'export']);

const LONGEST_VALUE = 120;
const EMPTY = '(empty)';

/** "loyaltyTier" → "Loyalty tier", for a field without a label. */
function labelOf(field: string, action: AuditAction | undefined): string {
  const label = (action && LABELS_BY_ACTION[action]?.[field]) ?? FIELD_LABELS[field];
  if (label) return label;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value as the panel shows it: "+12015550101" → "+1 201 555 0101", a date of birth as a date, "MANAGER" → "Manager". */
export function displayValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (field === 'phone') return formatPhone(value);
  if (field === 'dateOfBirth') return value.slice(0, 10);
  if (field === 'role') return value.charAt(0) + value.slice(1).toLowerCase();
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > LONGEST_VALUE ? `${oneLine.slice(0, LONGEST_VALUE - 1)}…` : oneLine;
}

function isChange(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

/**
 * The sentences of one entry, from its changes as the audit log stores them ({field: [before, after]}).
 * An update of email and phone → sentences ["Email: a@x.example → b@x.example", "Phone: … → …"];
 * a new customer → ["Added"] with its values as details; a soft delete → ["Deleted"].
 */
export function auditSentences(entry: { action: string; changes: unknown }): AuditSentences {
  const action = Object.hasOwn(SUMMARIES, entry.action) ? (entry.action as AuditAction) : undefined;
  const skipped = (action && SAID_BY_SUMMARY[action]) ?? [];
  const givesValues = GIVES_VALUES.has(entry.action);
  const changes =
    typeof entry.changes === 'object' && entry.changes !== null && !Array.isArray(entry.changes)
      ? Object.entries(entry.changes as Record<string, unknown>)
      : [];
  const fields = changes
    .filter((pair): pair is [string, [unknown, unknown]] => isChange(pair[1]) && !skipped.includes(pair[0]))
    .map(([field, [before, after]]) => {
      const label = labelOf(field, action);
      return givesValues
        ? `${label}: ${displayValue(field, after)}`
        : `${label}: ${displayValue(field, before)} → ${displayValue(field, after)}`;
    });
  const summary = action ? SUMMARIES[action] : entry.action;
  if (givesValues || fields.length === 0) return { summary, sentences: [summary], details: givesValues ? fields : [] };
  return { summary, sentences: SAID_BY_FIELDS.has(entry.action) ? fields : [summary, ...fields], details: [] };
}

/** What a record is called in a sentence: "customer", "staff account". */
export function recordNoun(resource: string): string {
  return resource === 'Customer' ? 'customer' : resource === 'User' ? 'staff account' : resource.toLowerCase();
}

/** An audit entry with who made it, ready to be read: the sentences, the time and the staff name. */
export interface DescribedEntry extends AuditSentences {
  id: number;
  at: Date;
  /** The staff member's name; "System" for changes made without one (the command line, a seed). */
  actorName: string;
  action: string;
  resource: string;
  recordId: string | null;
}

export function describeEntry(entry: {
  id: number;
  at: Date;
  action: string;
  resource: string;
  recordId: string | null;
  changes: unknown;
  actor: { name: string } | null;
}): DescribedEntry {
  const { id, at, action, resource, recordId, actor } = entry;
  return { id, at, action, resource, recordId, actorName: actor?.name ?? 'System', ...auditSentences(entry) };
}
