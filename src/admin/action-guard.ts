/**
 * The server-side permission check in front of AdminJS: every request naming a resource action
 * (page or API) is checked against the permission matrix and refused with 403 before AdminJS runs
 * anything. AdminJS's own isAccessible checks stay as a second line and drive what the UI shows.
 */
import type AdminJS from 'adminjs';
import type { RequestHandler } from 'express';
import { can, type ProtectedResource } from '../domain/accounts/permissions.js';

const PROTECTED = new Map<string, ProtectedResource>([
  ['Customer', 'Customer'],
  ['User', 'User'],
  ['AuditLog', 'AuditLog'],
]);

/** AdminJS action names → matrix actions. */
const MATRIX_ACTION = new Map([['new', 'create']]);

// /resources/:resource (the list page), …/actions/:action, …/records/:id/:action, …/bulk/:action
const ACTION_PATH = /^\/(?:api\/)?resources\/([^/]+)(?:\/?$|\/(?:actions\/([^/]+)|records\/[^/]+\/([^/]+)|bulk\/([^/]+)))/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Refuses what the matrix does not allow (403) and names no registered resource (404; AdminJS would throw). */
export function requireActionPermission(admin: AdminJS): RequestHandler {
  const registered = new Set(admin.resources.map((resource) => resource.decorate().id()));
  return (req, res, next) => {
  const match = ACTION_PATH.exec(req.path);
  if (!match) return next();
  const resourceId = decoded(match[1]!);
  const resource = PROTECTED.get(resourceId);
  if (!registered.has(resourceId) || !resource) {
    res.status(404).json({ notice: { message: `There is no resource "${resourceId}".`, type: 'error' } });
    return;
  }
  const adminAction = decoded(match[2] ?? match[3] ?? match[4] ?? 'list');
  const action = MATRIX_ACTION.get(adminAction) ?? adminAction;
  if (can(req.session.adminUser?.role, resource, action)) return next();
  res.status(403);
  if (req.path.startsWith('/api/')) {
    res.json({ notice: { message: 'Your role does not allow this action.', type: 'error' } });
  } else {
    res.type('text/plain').send('Forbidden: your role does not allow this action.');
  }
  };
}
