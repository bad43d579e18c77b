/**
 * The record an audit entry is about, for a link to it: customer and staff account entries name
 * their own record; a sign-in, sign-out or failed sign-in (resource Session) names the staff account.
 */
export type AuditedRecordResource = 'Customer' | 'User';

export function auditedRecord(
  resource: string,
  recordId: string | null,
): { resource: AuditedRecordResource; id: string } | null {
  if (!recordId) return null;
  if (resource === 'Customer' || resource === 'User') return { resource, id: recordId };
  return resource === 'Session' ? { resource: 'User', id: recordId } : null;
}
