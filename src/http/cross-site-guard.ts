import type { RequestHandler } from 'express';
import { escapeHtml } from './escape-html.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Pages another site (a mail, a chat message) may link to: they change nothing by being opened. */
const CROSS_SITE_ENTRY_PAGES = new Set(['/', '/login', '/forgot-password', '/reset-password', '/accept-invitation']);

/**
 * Cross-site request forgery defence for the cookie-authenticated panel (AdminJS has no CSRF
 * token). Browsers label every request with where it comes from (Sec-Fetch-Site, Origin):
 * - state-changing methods, and the panel's JSON API, must come from this origin — the whole
 *   origin, scheme and port included: `PUBLIC_URL`'s when it is set, else the one the request was
 *   addressed to (with TRUST_PROXY, as the proxy reports it);
 * - from another site, only the entry pages above open directly; any other page gets a "continue"
 *   link (a click on it is same-origin).
 * Requests without these headers (curl, tests, old browsers) are let through; they carry no
 * ambient browser cookies of a victim. Nothing in the panel changes on a GET.
 */
export function rejectCrossSiteRequests({ publicOrigin }: { publicOrigin?: string }): RequestHandler {
  return (req, res, next) => {
    const site = req.get('sec-fetch-site');
    const crossSite = site === 'cross-site' || site === 'same-site';
    // Sec-Fetch-Site is authoritative when a browser sends it (a same-origin form POST may still
    // carry `Origin: null`, e.g. under a no-referrer policy).
    const origin = req.get('origin');
    const ownOrigin = publicOrigin ?? `${req.protocol}://${req.get('host')}`;
    const foreignOrigin = site !== 'same-origin' && origin !== undefined && originOf(origin) !== ownOrigin;
    const path = req.path.toLowerCase();

    if ((UNSAFE_METHODS.has(req.method) || path.startsWith('/api/')) && (crossSite || foreignOrigin)) {
      res.status(403).type('text/plain').send('Cross-site request refused.');
      return;
    }
    if (crossSite && !CROSS_SITE_ENTRY_PAGES.has(path.replace(/\/$/, '') || '/')) {
      const target = escapeHtml(req.originalUrl);
      res
        .status(200)
        .type('html')
        .send(
          `<!DOCTYPE html><meta charset="utf-8"><title>Continue</title><p style="font-family:sans-serif">You followed a link from another site. <a href="${target}">Continue to the page</a>.</p>`,
        );
      return;
    }
    next();
  };
}

/** "https://Example.com:443/x" → "https://example.com"; "null" and what is no URL → undefined. */
function originOf(value: string): string | undefined {
  try {
    const { origin } = new URL(value);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
