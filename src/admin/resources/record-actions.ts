import type { Action, ActionContext, ActionRequest, ActionResponse, RecordActionResponse } from 'adminjs';
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

/**
 * What a state-changing record action answers to anything but a POST: the record, for its
 * confirmation screen (Components.ConfirmAction), and nothing changed. AdminJS's own button for an
 * action without a screen would send a GET — and nothing in the panel changes on a GET.
 */
export function unlessPosted(request: ActionRequest, context: ActionContext): RecordActionResponse | null {
  return request.method === 'post' ? null : { record: context.record!.toJSON(context.currentAdmin) };
}
