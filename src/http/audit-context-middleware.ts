import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { runWithAuditContext } from '../domain/audit/audit-context.js';

/** Makes the client's address and user agent known to the audit log for the whole request. */
export const recordAuditContext: RequestHandler = (req, _res, next) => {
  runWithAuditContext({ ip: req.ip, userAgent: req.get('user-agent') }, () => {
    // The request body's events come from the socket, outside this context: a body parser
    // (AdminJS's formidable, express.urlencoded) finishing in one of them would run the rest of the
    // request without its origin whenever the body arrives after the parser starts listening.
    req.emit = AsyncResource.bind(req.emit.bind(req), 'RequestBodyEvents', req);
    next();
  });
};
