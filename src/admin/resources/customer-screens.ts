/**
 * What the customer screens say after an action, and where they go: notices and confirmations that
 * name the customer ("Saved Jürgen Müller"), the new record after a create, the list as the clerk
 * left it after an edit, and why a search can find no one. AdminJS `after` hooks on the customer
 * resource's actions; the names come with each record (NAME_PARAMS, spelled by the domain), and
 * each success notice carries the link to the customer's page.
 */
import type { ActionContext, ActionRequest, ActionResponse, After, RecordJSON } from 'adminjs';
import { unsearchableReason } from '../../domain/customers/search-text.js';
import { LIST_RETURN_KEY } from '../components/list-return.js';
import { NAME_PARAMS, SEARCH_FILTER } from './customer-resource.js';

const nameOf = (record: RecordJSON | undefined) => String(record?.params[NAME_PARAMS.name] ?? 'the customer');

const succeeded = (response: ActionResponse) => response.notice?.type === 'success';

/** A success notice about a customer, with the link to its page (drawn by components/notice-box.tsx). */
function noticeAbout(record: RecordJSON | undefined, context: ActionContext, message: string) {
  const recordUrl = record
    ? context.h.recordActionUrl({ resourceId: 'Customer', recordId: record.id, actionName: 'show' })
    : undefined;
  return { type: 'success' as const, message, options: { recordUrl, recordName: nameOf(record) } };
}

/** The delete confirmation of each record names its customer (AdminJS shows `guard` as the question). */
function withNamedGuards(record: RecordJSON): RecordJSON {
  record.recordActions = record.recordActions.map((action) =>
    action.name === 'delete'
      ? {
          ...action,
          guard: `Delete ${nameOf(record)}? The customer is hidden from the list and can be restored later.`,
        }
      : action,
  );
  return record;
}

/** The list: named delete confirmations, and the reason a search of one-letter words finds no one. */
export const afterList: After<ActionResponse> = (response, request: ActionRequest) => {
  (response.records as RecordJSON[] | undefined)?.forEach(withNamedGuards);
  const search = ((request.query ?? {}) as Record<string, unknown>)[`filters.${SEARCH_FILTER}`];
  const unsearchable = typeof search === 'string' ? unsearchableReason(search) : undefined;
  if (unsearchable) response.meta = { ...(response.meta as object), unsearchable };
  return response;
};

/** A record's page: its delete confirmation names the customer. */
export const afterShow: After<ActionResponse> = (response) => {
  if (response.record) withNamedGuards(response.record as RecordJSON);
  return response;
};

/** After a create: "Added Jürgen Müller", on the new customer's page. */
export const afterCreate: After<ActionResponse> = (response, _request, context: ActionContext) => {
  if (!succeeded(response) || !response.record) return response;
  const record = response.record as RecordJSON;
  return {
    ...response,
    notice: noticeAbout(record, context, `Added ${nameOf(record)}.`),
    redirectUrl: context.h.recordActionUrl({ resourceId: 'Customer', recordId: record.id, actionName: 'show' }),
  };
};

/** After an edit: "Saved Jürgen Müller", back on the list with the search, filters, sort and page left. */
export const afterEdit: After<ActionResponse> = (response, request: ActionRequest, context: ActionContext) => {
  if (request.method !== 'post') return afterShow(response, request, context);
  if (!succeeded(response)) return response;
  return {
    ...response,
    notice: noticeAbout(response.record as RecordJSON, context, `Saved ${nameOf(response.record as RecordJSON)}.`),
    redirectUrl: `${context.h.resourceUrl({ resourceId: 'Customer' })}?${LIST_RETURN_KEY}=1`,
  };
};

/** After a delete: the customer named, and where to find it again. */
export const afterDelete: After<ActionResponse> = (response, request, context) =>
  succeeded(response)
    ? {
        ...response,
        notice: noticeAbout(
          response.record as RecordJSON,
          context,
          `Deleted ${nameOf(response.record as RecordJSON)}. It is kept and can be restored from the “Deleted” status filter.`,
        ),
      }
    : // Its confirmation screen (the GET before the POST) names the customer too.
      afterShow(response, request, context);

/** After a restore: "Restored Jürgen Müller." */
export const afterRestore: After<ActionResponse> = (response, _request, context: ActionContext) =>
  succeeded(response)
    ? {
        ...response,
        notice: noticeAbout(
          response.record as RecordJSON,
          context,
          `Restored ${nameOf(response.record as RecordJSON)}.`,
        ),
      }
    : response;
