/**
 * The server-side check in front of AdminJS: every request naming a resource action (page or API,
 * search included) is checked against the permission matrix and refused with 403 before AdminJS
 * runs anything. Requests AdminJS would answer with an exception (unknown resource or action, an
 * action on the wrong kind of route, a bulk action without record ids, a GET of an action that only
 * takes POST) get a 4xx here instead. AdminJS's own isAccessible checks stay as a second line and
 * drive what the UI shows. Deciding (`panelActionVerdict`) is kept apart from answering (`sendRefusal`).
 */
import type AdminJS from 'adminjs';
import type { Request, RequestHandler } from 'express';
import { can, type ProtectedResource, type Role } from '../domain/accounts/permissions.js';
import { parsePanelRoute, type PanelRoute } from './panel-route.js';
import { ADMIN_ROOT } from './paths.js';
import { sendRefusal, type Refusal } from './refusal.js';
import { sendRefusalPage } from './refusal-page.js';

const PROTECTED = new Map<string, ProtectedResource>([
  ['Customer', 'Customer'],
  ['User', 'User'],
  ['AuditLog', 'AuditLog'],
]);

/** AdminJS action names → matrix actions. */
const MATRIX_ACTION = new Map([['new', 'create']]);

/** Resource actions AdminJS's API runs only for a POST (a GET would throw). */
const POST_ONLY_API_ACTIONS = new Set(['new']);

type Decorated = ReturnType<AdminJS['resources'][number]['decorate']>;

export type Verdict = { allowed: true } | ({ allowed: false } & Refusal);

const refuse = (status: number, message: string, allow?: string, back?: Refusal['back']): Verdict => ({
  allowed: false,
  status,
  message,
  allow,
  back,
});

/** How a refusal names what a role may not see or do. */
const RESOURCE_WORDS: Record<ProtectedResource, string> = {
  Customer: 'customers',
  User: 'staff accounts',
  AuditLog: 'the audit log',
  Home: 'the Home',
};
const ACTION_WORDS: Record<string, string> = { new: 'add', bulkDelete: 'delete', history: 'read the history of' };

const HOME = { href: ADMIN_ROOT, label: 'Back to the Home' };

/**
 * A forbidden action in words that say what the role may do instead, and the way back: "Your role
 * can view customers but not edit them", with a link to the customer (or the list, or the Home).
 */
function forbidden(role: Role | undefined, resource: ProtectedResource, route: PanelRoute, recordId?: string): Verdict {
  const things = RESOURCE_WORDS[resource];
  if (!can(role, resource, 'list') && !can(role, resource, 'show'))
    return refuse(403, `Your role does not give access to ${things}.`, undefined, HOME);
  const list = { href: `${ADMIN_ROOT}/resources/${route.resourceId}`, label: `Back to ${things}` };
  const back =
    recordId && can(role, resource, 'show')
      ? { href: `${ADMIN_ROOT}/resources/${route.resourceId}/records/${recordId}/show`, label: 'Back to the record' }
      : list;
  const verb = ACTION_WORDS[route.action] ?? route.action;
  return refuse(403, `Your role can view ${things} but not ${verb} them.`, undefined, back);
}

/** What the guard decides for one request, from its path, method, query and the signed-in role. */
export function panelActionVerdict(resources: ReadonlyMap<string, Decorated>, req: Request): Verdict {
  const route = parsePanelRoute(req.path);
  if (!route) return { allowed: true };
  const decorated = resources.get(route.resourceId);
  const resource = PROTECTED.get(route.resourceId);
  if (!decorated || !resource) return refuse(404, 'There is no such page in the panel.', undefined, HOME);

  // An action that does not exist is not found, whoever asks: 404 before the role is looked at.
  const action = Object.hasOwn(decorated.actions, route.action) ? decorated.actions[route.action] : undefined;
  const fitsRoute =
    action &&
    (route.kind === 'record'
      ? action.isRecordType()
      : route.kind === 'bulk'
        ? action.isBulkType()
        : action.isResourceType());
  if (!fitsRoute) return refuse(404, 'There is no such page in the panel.', undefined, HOME);

  const role = req.session.adminUser?.role;
  if (!can(role, resource, MATRIX_ACTION.get(route.action) ?? route.action)) {
    return forbidden(role, resource, route, route.kind === 'record' ? recordIdOf(req.path) : undefined);
  }
  if (route.isApi && req.method !== 'POST' && POST_ONLY_API_ACTIONS.has(route.action)) {
    return refuse(405, `The ${route.action} action takes POST only.`, 'POST');
  }
  if (route.kind === 'bulk') {
    const ids =
      typeof req.query.recordIds === 'string' ? req.query.recordIds.split(',').filter((id) => /^\d+$/.test(id)) : [];
    if (ids.length === 0) return refuse(400, 'Choose at least one record.');
  }
  return { allowed: true };
}

/** The record id of a record route (…/records/:id/:action), when it is a number. */
function recordIdOf(path: string): string | undefined {
  return /\/records\/(\d+)\//.exec(path)?.[1];
}

export function requireActionPermission(admin: AdminJS): RequestHandler {
  const resources = new Map(admin.resources.map((resource) => [resource.decorate().id(), resource.decorate()]));
  return (req, res, next) => {
    const verdict = panelActionVerdict(resources, req);
    if (verdict.allowed) return next();
    // A page gets the panel around the refusal and a way back; the API its notice.
    if (parsePanelRoute(req.path)?.isApi === false && req.method === 'GET')
      sendRefusalPage(admin, req, res, verdict).catch(next);
    else sendRefusal(req, res, verdict);
  };
}
