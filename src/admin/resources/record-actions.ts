import type { Action, ActionContext, ActionRequest, ActionResponse } from 'adminjs';
import type { ProtectedResource } from '../../domain/accounts/permissions.js';
import { allowedBy } from './access.js';

/** "History" on a record: its audit log entries, newest first (like Django's object history). */
export function historyAction(resource: ProtectedResource): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: 'Clock',
    component: false,
    isAccessible: allowedBy(resource, 'history'),
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const recordId = String(request.params.recordId);
      const query = new URLSearchParams({
        'filters.resource': resource,
        'filters.recordId': recordId,
        sortBy: 'at',
        direction: 'desc',
      });
      return {
        record: context.record!.toJSON(context.currentAdmin),
        redirectUrl: `${context.h.resourceUrl({ resourceId: 'AuditLog' })}?${query}`,
      };
    },
  };
}
