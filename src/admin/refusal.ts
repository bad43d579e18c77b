/**
 * How the panel answers a request it refuses (forbidden, unknown, wrong method, unreadable body):
 * AdminJS's API routes get the notice shape its frontend shows, pages a short text. Deciding to
 * refuse happens elsewhere (the action guard, the body parser); this is only the rendering.
 */
import type { Request, Response } from 'express';

export interface Refusal {
  status: number;
  message: string;
  /** For 405: the methods the route takes. */
  allow?: string;
  /** Where a refused page leads instead (the record, the list, the Home). */
  back?: { href: string; label: string };
}

export function isPanelApiRequest(req: Request): boolean {
  return req.path.toLowerCase().startsWith('/api/');
}

export function sendRefusal(req: Request, res: Response, { status, message, allow }: Refusal): void {
  if (allow) res.set('Allow', allow);
  res.status(status);
  if (isPanelApiRequest(req)) res.json({ notice: { message, type: 'error' } });
  else res.type('text/plain').send(message);
}
