import type { ActionContext, IsFunction } from 'adminjs';
import { can, type ProtectedResource } from '../../domain/accounts/permissions.js';
import { roleOf } from '../current-admin.js';

/** isAccessible/isVisible for one action, read from the permission matrix. */
export function allowedBy(resource: ProtectedResource, action: string): IsFunction {
  return ({ currentAdmin }: ActionContext) => can(roleOf(currentAdmin), resource, action);
}

/** An action the matrix allows only while the record is in a given state (e.g. restore only deleted). */
export function allowedWhen(
  resource: ProtectedResource,
  action: string,
  recordState: (params: Record<string, unknown>) => boolean,
): IsFunction {
  return ({ currentAdmin, record }: ActionContext) =>
    can(roleOf(currentAdmin), resource, action) && (!record || recordState(record.params));
}
