import type { RequestHandler } from 'express';
import { runWithOrigin } from '../domain/audit/origin.js';

/** Makes the client's address and user agent known to the audit log for the whole request. */
export const recordRequestOrigin: RequestHandler = (req, _res, next) => {
  runWithOrigin({ ip: req.ip, userAgent: req.get('user-agent') }, next);
};
