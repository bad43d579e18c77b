/**
 * Security headers (helmet) and the Content Security Policy the panel runs under.
 *
 * Scripts: AdminJS's pages carry inline <script>s whose content changes with every request (the
 * initial state, the signed-in user), so a hash cannot allow them; each response gets a fresh
 * random nonce, written into the policy and into those script tags. No 'unsafe-inline' for
 * scripts: an injected script runs nowhere. No 'unsafe-eval' either: the one eval the panel tries
 * (the design system's webpack `new Function('return this')` global lookup) falls back to `window`.
 *
 * Styles: 'unsafe-inline' is needed — AdminJS's design system (styled-components) inserts <style>
 * elements at run time, without a nonce (without 'unsafe-inline' not even the login form renders),
 * and AdminJS's templates and the server-rendered pages carry their own <style> and style
 * attributes. Inline CSS cannot run code; what it could leak is kept in by img-src, font-src and
 * connect-src allowing this origin only.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

const nonceOf = (res: ServerResponse): string => (res as Response).locals.cspNonce as string;

const assignNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
};

/**
 * The inline scripts of AdminJS's page templates all open with `<script>` and a line break. Data
 * placed in a page (AdminJS writes it as JSON, which has no raw line breaks) can never form that
 * sequence, so a `<script>` smuggled in through data gets no nonce and does not run.
 */
const TEMPLATE_INLINE_SCRIPT = /<script>(?=\r?\n)/g;

const nonceInlineScripts: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const isHtml = (res.get('Content-Type') ?? 'text/html').startsWith('text/html');
    return send(
      typeof body === 'string' && isHtml
        ? body.replace(TEMPLATE_INLINE_SCRIPT, `<script nonce="${nonceOf(res)}">`)
        : body,
    );
  };
  next();
};

export function securityHeaders({ production }: { production: boolean }): RequestHandler[] {
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${nonceOf(res)}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        // Production is served over HTTPS (secure cookies); development is plain http.
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: production,
  });
  return [assignNonce, policy, nonceInlineScripts];
}
