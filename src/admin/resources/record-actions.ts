/**
 * Record actions more than one resource offers: History, the POST-only rule of state-changing ones,
 * and their version check.
 */
import {
  ValidationError,
  type Action,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type RecordActionResponse,
} from 'adminjs';
import type { WriteCondition } from '../../domain/record-version.js';
import { writeConditionOf } from '../edit-conflict.js';
import type { HistoryPage } from '../../domain/audit/record-history.js';
import type { Services } from '../../domain/services.js';
import { RECORD_HISTORY_COMPONENT } from '../components.js';
import { actorOf } from '../current-admin.js';
import { asAdminErrors } from '../domain-errors.js';
import { allowedBy } from './access.js';

/** A page of a record's History as the RecordHistory component reads it (times as ISO 8601). */
export interface HistoryBody {
  entries: Array<{ id: number; at: string; actorName: string; sentences: string[]; details: string[] }>;
  hasMore: boolean;
}

function historyBody({ entries, hasMore }: HistoryPage): HistoryBody {
  return {
    entries: entries.map(({ id, at, actorName, sentences, details }) => ({
      id,
      at: at.toISOString(),
      actorName,
      sentences,
      details,
    })),
    hasMore,
  };
}

/**
 * "History" on a record: its audit entries as sentences, newest first, 20 at a time (`?before=<entry
 * id>` for older ones) — like Django's object history, on the record's page and on its own. For
 * whoever the matrix's `history` cell allows, which may be more roles than may read the audit log.
 */
export function historyAction(
  resource: 'Customer' | 'User',
  services: Pick<Services, 'history'>,
): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon: 'Clock',
    component: RECORD_HISTORY_COMPONENT,
    isAccessible: allowedBy(resource, 'history'),
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const before = Number(request.query?.before);
      const page = await asAdminErrors(() =>
        services.history.page(resource, Number(request.params.recordId), actorOf(context.currentAdmin), {
          before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
        }),
      );
      return { record: context.record!.toJSON(context.currentAdmin), history: historyBody(page) };
    },
  };
}

/**
 * What a state-changing record action answers to anything but a POST: the record, for its
 * confirmation screen (CONFIRM_ACTION_COMPONENT), and nothing changed. AdminJS's own button for an
 * action without a screen would send a GET — and nothing in the panel changes on a GET.
 */
export function unlessPosted(request: ActionRequest, context: ActionContext): RecordActionResponse | null {
  return request.method === 'post' ? null : { record: context.record!.toJSON(context.currentAdmin) };
}

/**
 * Runs a confirmed state change (delete, restore) at the version the confirmation screen showed
 * (CONFIRM_ACTION_COMPONENT sends it back). Refused — the record changed meanwhile, or a rule says
 * no — it answers the current record and the reason as a notice, and nothing has changed; null
 * when the change is made.
 */
export async function refusalOfConfirmedChange(
  request: ActionRequest,
  context: ActionContext,
  change: (condition: WriteCondition) => Promise<unknown>,
): Promise<RecordActionResponse | null> {
  const payload = (request.payload ?? {}) as Record<string, unknown>;
  try {
    await asAdminErrors(() => change(writeConditionOf(payload.version)));
    return null;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const current = await context.resource.findOne(String(request.params.recordId), context);
    return {
      record: (current ?? context.record!).toJSON(context.currentAdmin),
      notice: { message: error.baseError?.message ?? 'Nothing was changed.', type: 'error' },
    };
  }
}
