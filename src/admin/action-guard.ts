/**
 * The server-side permission check in front of AdminJS: every request naming a resource action
 * (page or API) is checked against the permission matrix and refused with 403 before AdminJS runs
 * anything. AdminJS's own isAccessible checks stay as a second line and drive what the UI shows.
 */
import type { RequestHandler } from 'express';
import { can, type ProtectedResource } from '../domain/accounts/permissions.js';

const PROTECTED: Record<string, ProtectedResource> = { Customer: 'Customer', User: 'User', AuditLog: 'AuditLog' };

/** AdminJS action names → matrix actions. */
const MATRIX_ACTION: Record<string, string> = { new: 'create' };

// /resources/:resource (the list page), …/actions/:action, …/records/:id/:action, …/bulk/:action
const ACTION_PATH = /^\/(?:api\/)?resources\/([^/]+)(?:\/?$|\/(?:actions\/([^/]+)|records\/[^/]+\/([^/]+)|bulk\/([^/]+)))/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const requireActionPermission: RequestHandler = (req, res, next) => {
  const match = ACTION_PATH.exec(req.path);
  if (!match) return next();
  const resource = PROTECTED[decoded(match[1]!)];
  if (!resource) return next();
  const adminAction = decoded(match[2] ?? match[3] ?? match[4] ?? 'list');
  const action = MATRIX_ACTION[adminAction] ?? adminAction;
  if (can(req.session.adminUser?.role, resource, action)) return next();
  res.status(403);
  if (req.path.startsWith('/api/')) {
    res.json({ notice: { message: 'Your role does not allow this action.', type: 'error' } });
  } else {
    res.type('text/plain').send('Forbidden: your role does not allow this action.');
  }
};
