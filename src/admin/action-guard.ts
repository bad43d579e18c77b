/**
 * The server-side check in front of AdminJS: every request naming a resource action (page or API)
 * is checked against the permission matrix and refused with 403 before AdminJS runs anything.
 * Requests AdminJS would answer with an exception (unknown resource or action, an action on the
 * wrong kind of route, a bulk action without record ids) get a 4xx here instead. AdminJS's own
 * isAccessible checks stay as a second line and drive what the UI shows.
 */
import type AdminJS from 'adminjs';
import type { RequestHandler, Response } from 'express';
import { can, type ProtectedResource } from '../domain/accounts/permissions.js';

const PROTECTED = new Map<string, ProtectedResource>([
  ['Customer', 'Customer'],
  ['User', 'User'],
  ['AuditLog', 'AuditLog'],
]);

/** AdminJS action names → matrix actions. */
const MATRIX_ACTION = new Map([['new', 'create']]);

type RouteKind = 'resource' | 'record' | 'bulk';

// /resources/:resource (the list page), …/actions/:action, …/records/:id/:action, …/bulk/:action.
// Case-insensitive, as express's routing is.
const ACTION_PATH =
  /^\/(?:api\/)?resources\/([^/]+)(?:\/?$|\/(?:actions\/([^/]+)|records\/[^/]+\/([^/]+)|bulk\/([^/]+)))/i;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function refuse(res: Response, status: number, message: string, isApi: boolean): void {
  res.status(status);
  if (isApi) res.json({ notice: { message, type: 'error' } });
  else res.type('text/plain').send(message);
}

export function requireActionPermission(admin: AdminJS): RequestHandler {
  const resources = new Map(admin.resources.map((resource) => [resource.decorate().id(), resource.decorate()]));
  return (req, res, next) => {
    const match = ACTION_PATH.exec(req.path);
    if (!match) return next();
    const isApi = req.path.toLowerCase().startsWith('/api/');
    const resourceId = decoded(match[1]!);
    const decorated = resources.get(resourceId);
    const resource = PROTECTED.get(resourceId);
    if (!decorated || !resource) return refuse(res, 404, `There is no resource "${resourceId}".`, isApi);

    const kind: RouteKind = match[3] ? 'record' : match[4] ? 'bulk' : 'resource';
    const adminAction = decoded(match[2] ?? match[3] ?? match[4] ?? 'list');
    if (!can(req.session.adminUser?.role, resource, MATRIX_ACTION.get(adminAction) ?? adminAction)) {
      return refuse(res, 403, 'Your role does not allow this action.', isApi);
    }
    const action = Object.hasOwn(decorated.actions, adminAction) ? decorated.actions[adminAction] : undefined;
    const fitsRoute =
      action &&
      (kind === 'record' ? action.isRecordType() : kind === 'bulk' ? action.isBulkType() : action.isResourceType());
    if (!fitsRoute) return refuse(res, 404, `There is no such action: ${adminAction}.`, isApi);
    if (kind === 'bulk' && isApi) {
      const ids =
        typeof req.query.recordIds === 'string' ? req.query.recordIds.split(',').filter((id) => /^\d+$/.test(id)) : [];
      if (ids.length === 0) return refuse(res, 400, 'Choose at least one record.', isApi);
    }
    next();
  };
}
