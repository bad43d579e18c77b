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
import { can, type ProtectedResource } from '../domain/accounts/permissions.js';
import { parsePanelRoute } from './panel-route.js';
import { sendRefusal, type Refusal } from './refusal.js';

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

const refuse = (status: number, message: string, allow?: string): Verdict => ({
  allowed: false,
  status,
  message,
  allow,
});

/** What the guard decides for one request, from its path, method, query and the signed-in role. */
export function panelActionVerdict(resources: ReadonlyMap<string, Decorated>, req: Request): Verdict {
  const route = parsePanelRoute(req.path);
  if (!route) return { allowed: true };
  const decorated = resources.get(route.resourceId);
  const resource = PROTECTED.get(route.resourceId);
  if (!decorated || !resource) return refuse(404, `There is no resource "${route.resourceId}".`);

  if (!can(req.session.adminUser?.role, resource, MATRIX_ACTION.get(route.action) ?? route.action)) {
    return refuse(403, 'Your role does not allow this action.');
  }
  const action = Object.hasOwn(decorated.actions, route.action) ? decorated.actions[route.action] : undefined;
  const fitsRoute =
    action &&
    (route.kind === 'record'
      ? action.isRecordType()
      : route.kind === 'bulk'
        ? action.isBulkType()
        : action.isResourceType());
  if (!fitsRoute) return refuse(404, `There is no such action: ${route.action}.`);
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

export function requireActionPermission(admin: AdminJS): RequestHandler {
  const resources = new Map(admin.resources.map((resource) => [resource.decorate().id(), resource.decorate()]));
  return (req, res, next) => {
    const verdict = panelActionVerdict(resources, req);
    if (verdict.allowed) return next();
    sendRefusal(req, res, verdict);
  };
}
