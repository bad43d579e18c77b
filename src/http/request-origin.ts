import type { RequestHandler } from 'express';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery defence for the cookie-authenticated panel (AdminJS has no CSRF
 * token). Browsers label every request with where it comes from (Sec-Fetch-Site, Origin):
 * - state-changing methods must come from this origin;
 * - the panel's JSON API (whose record actions, e.g. Restore, are GETs) must not be called from
 *   another site, not even by a top-level navigation that SameSite=Lax cookies would allow.
 * Requests without these headers (curl, tests, old browsers) are let through; they carry no
 * ambient browser cookies of a victim.
 */
export const rejectCrossSiteRequests: RequestHandler = (req, res, next) => {
  const site = req.get('sec-fetch-site');
  const crossSite = site === 'cross-site' || site === 'same-site';
  const origin = req.get('origin');
  // Sec-Fetch-Site is authoritative when a browser sends it (a same-origin form POST may still
  // carry `Origin: null`, e.g. under a no-referrer policy).
  const sameOrigin = site === 'same-origin';
  const foreignOrigin = !sameOrigin && origin !== undefined && (origin === 'null' || safeHost(origin) !== req.get('host'));
  const isUnsafe = UNSAFE_METHODS.has(req.method);
  const isPanelApi = req.path.startsWith('/api/');
  if ((isUnsafe && (crossSite || foreignOrigin)) || (isPanelApi && crossSite)) {
    res.status(403).type('text/plain').send('Cross-site request refused.');
    return;
  }
  next();
};

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
