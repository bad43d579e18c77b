/**
 * The routes behind the panel's Import customers page (admin/components/import-customers.tsx),
 * signed in by the panel's session: upload and dry-run, dry-run again with other options, apply,
 * follow, error report. Each is one call into the import service; its errors become JSON the page
 * shows ({errors: {field: message}} or {message}). They read their own bodies (the upload bounded
 * to 20 MB), so they are mounted before the panel's body parser.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Actor } from '../../domain/accounts/permissions.js';
import { FieldValidationError, NotFoundError, PermissionDeniedError } from '../../domain/errors.js';
import { IMPORT_FILE_MAX_BYTES, IMPORT_FILE_TOO_LARGE } from '../../domain/imports/import-file.js';
import { optionsFromJson } from '../../domain/imports/import-options.js';
import type { Services } from '../../domain/services.js';
import { asyncRoute } from '../../http/async-route.js';
import { readFileUpload, UploadRefused } from '../../http/file-upload.js';

export const IMPORT_ROUTES_PATH = '/customer-imports';

const parseJson = express.json({ limit: '32kb' });

function send(res: Response, status: number, body: unknown): void {
  res.status(status).json(body);
}

/** The domain's and the upload's refusals as the page reads them; anything else goes on to the error handler. */
function refusalOf(error: unknown): { status: number; body: unknown } | null {
  if (error instanceof FieldValidationError) return { status: 422, body: { errors: error.fieldErrors } };
  if (error instanceof UploadRefused) return { status: error.status, body: { message: error.message } };
  if (error instanceof PermissionDeniedError) return { status: 403, body: { message: error.message } };
  if (error instanceof NotFoundError) return { status: 404, body: { message: 'This import does not exist.' } };
  return null;
}

function route(handler: (req: Request, res: Response) => Promise<void>) {
  return asyncRoute(async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      send(res, refusal.status, refusal.body);
    }
  });
}

const idOf = (req: Request) => (/^\d{1,9}$/.test(String(req.params.id)) ? Number(req.params.id) : -1);
/** The signed-in person (requireSignedIn runs before these routes). */
function actor(req: Request): Actor {
  const admin = req.session.adminUser;
  if (!admin) throw new PermissionDeniedError('Sign in to import customers.');
  return { id: admin.id, role: admin.role };
}

export function importRoutes({ imports }: Pick<Services, 'imports'>): Router {
  const router = express.Router();

  router.post(
    IMPORT_ROUTES_PATH,
    route(async (req, res) => {
      const upload = await readFileUpload(
        req,
        { maxBytes: IMPORT_FILE_MAX_BYTES, tooLargeMessage: IMPORT_FILE_TOO_LARGE },
        'upload.csv',
      );
      const options = optionsFromJson(upload.fields.options);
      send(res, 201, await imports.upload({ fileName: upload.fileName, content: upload.content, options }, actor(req)));
    }),
  );

  router.post(
    `${IMPORT_ROUTES_PATH}/:id/dry-run`,
    parseJson,
    route(async (req, res) => {
      send(res, 200, await imports.reconsider(idOf(req), req.body, actor(req)));
    }),
  );

  router.post(
    `${IMPORT_ROUTES_PATH}/:id/apply`,
    route(async (req, res) => {
      send(res, 202, await imports.apply(idOf(req), actor(req)));
    }),
  );

  router.get(
    `${IMPORT_ROUTES_PATH}/:id`,
    route(async (req, res) => {
      send(res, 200, await imports.find(idOf(req), actor(req)));
    }),
  );

  router.get(
    `${IMPORT_ROUTES_PATH}/:id/errors.csv`,
    route(async (req, res) => {
      const report = await imports.errorReport(idOf(req), actor(req));
      res.type('text/csv; charset=utf-8').attachment(report.fileName).send(report.csv);
    }),
  );

  return router;
}
