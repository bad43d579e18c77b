/**
 * Interactive documentation at /api/v1/docs: Swagger UI from the swagger-ui-dist package, served
 * by the app itself (nothing loads from another host). The page has no inline script — the
 * Content Security Policy allows scripts from this origin and per-request nonces only — so
 * Swagger UI is started by a script file of its own.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';
import { API_ROOT } from './paths.js';

const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];
const DOCS = `${API_ROOT}/docs`;

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer Back-office API v1</title>
<link rel="stylesheet" href="${DOCS}/swagger-ui.css">
<link rel="icon" type="image/png" href="${DOCS}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="${API_ROOT}/openapi.json"></div>
<script src="${DOCS}/swagger-ui-bundle.js"></script>
<script src="${DOCS}/start.js"></script>
</body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io.
const START_SCRIPT = `window.addEventListener('load', function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
`;

/** GET /docs and its assets, relative to the API root. */
export function docsRoutes(): Router {
  const router = express.Router();
  router.get('/docs', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(PAGE);
  });
  router.get('/docs/start.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(START_SCRIPT);
  });
  for (const asset of ASSETS) {
    router.get(`/docs/${asset}`, (_req, res, next) => {
      res.sendFile(path.join(SWAGGER_UI_DIR, asset), { maxAge: '1d' }, (error) => error && next(error));
    });
  }
  return router;
}
