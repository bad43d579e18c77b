/**
 * The permission matrix (../shared/DESIGN.md, "Roles"), defined once. AdminJS's
 * isAccessible/isVisible, the API guards and the domain services all ask `can`.
 */
import { PermissionDeniedError } from '../errors.js';

export const ROLES = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly id: number;
  readonly role: Role;
}

const everyone: readonly Role[] = ROLES;
const editors: readonly Role[] = ['SUPERUSER', 'MANAGER', 'STAFF'];
const managers: readonly Role[] = ['SUPERUSER', 'MANAGER'];
const superusers: readonly Role[] = ['SUPERUSER'];

const matrix = {
  Customer: {
    list: everyone,
    show: everyone,
    search: everyone,
    create: editors,
    edit: editors,
    delete: managers,
    restore: managers,
    bulkDelete: managers,
    export: managers,
    // The record's entries in the audit log: as readable as the audit log itself.
    history: managers,
  },
  User: {
    list: superusers,
    show: superusers,
    search: superusers,
    create: superusers,
    edit: superusers,
    invite: superusers,
    sendPasswordReset: superusers,
    history: superusers,
  },
  AuditLog: {
    list: managers,
    show: managers,
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

export type ProtectedResource = keyof typeof matrix;
export type Action = { [R in ProtectedResource]: keyof (typeof matrix)[R] }[ProtectedResource];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Anything not listed in the matrix is refused. */
export function can(role: Role | undefined, resource: ProtectedResource, action: string): boolean {
  if (!role || !Object.hasOwn(matrix, resource)) return false;
  // Own properties only: names like "constructor" must not reach Object.prototype.
  const actions: Readonly<Record<string, readonly Role[]>> = matrix[resource];
  return Object.hasOwn(actions, action) ? (actions[action]?.includes(role) ?? false) : false;
}

export function assertCan(actor: Actor, resource: ProtectedResource, action: string): void {
  if (!can(actor.role, resource, action)) {
    throw new PermissionDeniedError(
      `A ${actor.role.toLowerCase()} may not ${action} ${resource.toLowerCase()} records.`,
    );
  }
}

/** Every (resource, action) pair the matrix knows, for table-driven tests and documentation. */
export function permissionMatrix(): Array<{ resource: ProtectedResource; action: string; roles: readonly Role[] }> {
  return Object.entries(matrix).flatMap(([resource, actions]) =>
    Object.entries(actions).map(([action, roles]) => ({ resource: resource as ProtectedResource, action, roles })),
  );
}
