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
    // Upload, preview, apply and follow a customer import (src/domain/imports/).
    import: managers,
    // A customer's History on its page (its audit entries as sentences): whoever may edit the
    // customer may read how it changed; the audit log itself stays with managers.
    history: editors,
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
    // The "Who" filter's choices: staff names and emails, which the log's rows show anyway; the
    // staff accounts themselves stay with superusers.
    staffNames: managers,
  },
  // What the Home shows beyond customer numbers, the chart, one's own recent actions and quick
  // links (which every role sees).
  Home: {
    teamActions: managers,
    accessCounts: superusers,
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
