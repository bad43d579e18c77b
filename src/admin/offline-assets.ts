/**
 * AdminJS's page templates link Roboto from a public font CDN. The panel must work offline and
 * make no request to another host, so the link is replaced by the same font served from
 * @fontsource/roboto, and the brand images are served locally.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { BRAND_ASSETS_PATH, FONT_ASSETS_PATH } from './paths.js';

const CDN_FONT_LINK = /<link[^>]+fonts\.googleapis\.com[^>]*>/g;
const FONT_WEIGHTS = [300, 400, 500, 700];
const LOCAL_FONT_LINKS = [
  ...FONT_WEIGHTS.map((weight) => `<link rel="stylesheet" href="${FONT_ASSETS_PATH}/${weight}.css" type="text/css">`),
  `<link rel="stylesheet" href="${BRAND_ASSETS_PATH}/panel.css" type="text/css">`,
].join('');

function withSelfHostedFonts(html: string): string {
  return html.replace(CDN_FONT_LINK, LOCAL_FONT_LINKS);
}

/** Rewrites the HTML pages AdminJS sends to load the self-hosted fonts. */
export const panelPageExtras: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) =>
    send(typeof body === 'string' && body.includes('fonts.googleapis.com') ? withSelfHostedFonts(body) : body);
  next();
};

/** Static routes for the fonts and brand images, mounted on the app (outside the admin guard). */
export function offlineAssetsRouter(): Router {
  const fontsDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/roboto/package.json'));
  const router = express.Router();
  const cacheFor = { maxAge: '7d', fallthrough: false, index: false } as const;
  router.use(FONT_ASSETS_PATH, express.static(fontsDir, cacheFor));
  router.use(BRAND_ASSETS_PATH, express.static(path.join(import.meta.dirname, 'assets'), cacheFor));
  return router;
}
