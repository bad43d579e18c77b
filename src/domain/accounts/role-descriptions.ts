/**
 * What each role may do, in one line a superuser reads when choosing it: the permission matrix
 * (permissions.ts) in words. Kept next to it so that a change to one is seen beside the other.
 */
import type { Role } from './permissions.js';

export const ROLE_LABELS: Record<Role, string> = {
  SUPERUSER: 'Superuser',
  MANAGER: 'Manager',
  STAFF: 'Staff',
  VIEWER: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  SUPERUSER: 'Everything, including staff accounts, invitations and password resets.',
  MANAGER: 'Adds, edits, deletes, restores and exports customers; reads the audit log.',
  STAFF: 'Adds and edits customers and reads their history; cannot delete them.',
  VIEWER: 'Looks up customers; changes nothing.',
};
