/**
 * In production the session cookie is Secure: a browser reaching the panel over plain http never
 * gets one, and would loop back to the sign-in page after every sign-in while each attempt wrote a
 * login entry and a session nobody holds. Such a request is refused at once with a page that says
 * why — before any session or account is touched. Behind a TLS-terminating proxy, TRUST_PROXY
 * tells the app that the browser's side was HTTPS (X-Forwarded-Proto).
 */
import type { RequestHandler } from 'express';
import { escapeHtml } from '../http/escape-html.js';
import { page } from './account-pages/page.js';

export const HTTPS_REQUIRED_MESSAGE =
  'This server requires HTTPS. Open it with https://; if it runs behind a TLS-terminating proxy, set TRUST_PROXY to that proxy.';

export function requireHttps({ secureCookies }: { secureCookies: boolean }): RequestHandler {
  return (req, res, next) => {
    if (!secureCookies || req.secure) return next();
    res
      .status(403)
      .type('html')
      .send(
        page('HTTPS required', `<h1>HTTPS required</h1><p class="error">${escapeHtml(HTTPS_REQUIRED_MESSAGE)}</p>`),
      );
  };
}
