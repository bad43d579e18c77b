import type { RequestHandler } from 'express';
import { escapeHtml } from './escape-html.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Pages another site (a mail, a chat message) may link to: they change nothing by being opened. */
const CROSS_SITE_ENTRY_PAGES = new Set(['/', '/login', '/forgot-password', '/reset-password', '/accept-invitation']);

/**
 * Cross-site request forgery defence for the cookie-authenticated panel (AdminJS has no CSRF
 * token, and some of its record actions — Restore, Send invitation — are GETs). Browsers label
 * every request with where it comes from (Sec-Fetch-Site, Origin):
 * - state-changing methods must come from this origin;
 * - from another site, only the entry pages above open directly; any other page gets a "continue"
 *   link (a click on it is same-origin), and the panel's JSON API is refused.
 * Requests without these headers (curl, tests, old browsers) are let through; they carry no
 * ambient browser cookies of a victim.
 */
export const rejectCrossSiteRequests: RequestHandler = (req, res, next) => {
  const site = req.get('sec-fetch-site');
  const crossSite = site === 'cross-site' || site === 'same-site';
  // Sec-Fetch-Site is authoritative when a browser sends it (a same-origin form POST may still
  // carry `Origin: null`, e.g. under a no-referrer policy).
  const origin = req.get('origin');
  const foreignOrigin =
    site !== 'same-origin' && origin !== undefined && (origin === 'null' || safeHost(origin) !== req.get('host'));
  const path = req.path.toLowerCase();

  if (UNSAFE_METHODS.has(req.method) ? crossSite || foreignOrigin : crossSite && path.startsWith('/api/')) {
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

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
