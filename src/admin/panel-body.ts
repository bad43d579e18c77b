/**
 * The one body parser in front of AdminJS's own routes, and a bounded one. Left alone, AdminJS
 * parses every body with express-formidable's defaults: 200 MB of files per request kept in the temp
 * dir, JSON of any size and depth, a 500 for any malformed body. The panel has no file fields, so a
 * file part is refused before a byte of it is read; fields are capped in size and number; anything
 * malformed answers 400. Routes mounted before this parser (sign-in, the account pages, the customer
 * import upload) read their own bodies and are not subject to it.
 */
import { Busboy } from '@fastify/busboy';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { asyncRoute } from '../http/async-route.js';
import { hasInheritedName } from './query-keys.js';
import { sendRefusal, type Refusal } from './refusal.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The parsed body AdminJS reads (express-formidable's names). */
      fields?: Record<string, unknown>;
      files?: Record<string, never>;
      express_formidable?: { parsed: boolean };
    }
  }
}

export const PANEL_BODY_LIMITS = {
  /** A whole body: a customer form is under 10 KiB. */
  bytes: 1024 * 1024,
  fieldBytes: 64 * 1024,
  fields: 200,
  nameLength: 200,
  /** Nesting of a JSON body (AdminJS's own forms are flat). */
  jsonDepth: 20,
} as const;

const KIB = 1024;
export const NO_FILES_MESSAGE =
  'The panel takes no file uploads: send the form without files (customer imports have their own upload).';
const FORM_TYPES_MESSAGE =
  'Send the form as multipart/form-data, application/x-www-form-urlencoded or application/json.';

class BodyRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}
const refused = (status: 400 | 413 | 415, message: string) => new BodyRefused({ status, message });

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Multipart and url-encoded forms: every field a string, no file part, nothing past the limits. */
function readForm(req: Request): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    let busboy: ReturnType<typeof Busboy>;
    try {
      busboy = Busboy({
        headers: req.headers as Parameters<typeof Busboy>[0]['headers'],
        limits: {
          fieldNameSize: PANEL_BODY_LIMITS.nameLength,
          fieldSize: PANEL_BODY_LIMITS.fieldBytes,
          // One more than allowed, so that going over is seen (busboy drops url-encoded fields past it silently).
          fields: PANEL_BODY_LIMITS.fields + 1,
          parts: PANEL_BODY_LIMITS.fields + 1,
          files: 0,
        },
      });
    } catch {
      // No boundary, or a charset busboy does not know.
      reject(refused(400, 'The form could not be read: its Content-Type header is incomplete.'));
      return;
    }
    const fields = new Map<string, unknown>();
    const tooManyFields = refused(413, `The form has more than ${PANEL_BODY_LIMITS.fields} fields.`);
    let bytes = 0;
    let settled = false;
    const fail = (error: BodyRefused) => {
      if (settled) return;
      settled = true;
      req.off('data', count);
      req.unpipe(busboy);
      reject(error);
    };
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > PANEL_BODY_LIMITS.bytes)
        fail(refused(413, `The form is larger than ${PANEL_BODY_LIMITS.bytes / KIB / KIB} MiB.`));
    };
    busboy.on('field', (name, value, nameTruncated, valueTruncated) => {
      if (nameTruncated)
        return fail(refused(400, `A field name is longer than ${PANEL_BODY_LIMITS.nameLength} characters.`));
      if (valueTruncated)
        return fail(refused(413, `The field "${name}" is longer than ${PANEL_BODY_LIMITS.fieldBytes / KIB} KiB.`));
      if (fields.has(name)) return fail(refused(400, `The field "${name}" is sent more than once.`));
      if (fields.size === PANEL_BODY_LIMITS.fields) return fail(tooManyFields);
      fields.set(name, value);
    });
    busboy.on('file', (_name, stream) => {
      stream.resume();
      fail(refused(413, NO_FILES_MESSAGE));
    });
    busboy.on('filesLimit', () => fail(refused(413, NO_FILES_MESSAGE)));
    busboy.on('fieldsLimit', () => fail(tooManyFields));
    busboy.on('partsLimit', () => fail(tooManyFields));
    busboy.on('error', () => fail(refused(400, 'The form could not be read: it is malformed or incomplete.')));
    busboy.on('finish', () => {
      if (settled) return;
      settled = true;
      req.off('data', count);
      resolve(fields);
    });
    req.on('data', count);
    req.pipe(busboy);
  });
}

/** A JSON object, at most `jsonDepth` deep; its members are the fields. */
async function readJson(req: Request, res: Response, parseJson: RequestHandler): Promise<Map<string, unknown>> {
  await new Promise<void>((resolve, reject) =>
    parseJson(req, res, (error?: unknown) => {
      if (!error) return resolve();
      const { type } = error as { type?: unknown };
      reject(
        type === 'entity.too.large'
          ? refused(413, `The request body is larger than ${PANEL_BODY_LIMITS.bytes / KIB / KIB} MiB.`)
          : type === 'encoding.unsupported' || type === 'charset.unsupported'
            ? refused(415, 'Send JSON as UTF-8, without a content encoding.')
            : refused(400, 'The request body is not valid JSON.'),
      );
    }),
  );
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw refused(400, 'The request body must be a JSON object.');
  if (depthOf(body) > PANEL_BODY_LIMITS.jsonDepth)
    throw refused(400, `The request body is nested more than ${PANEL_BODY_LIMITS.jsonDepth} levels deep.`);
  return new Map(Object.entries(body));
}

/** How deeply a parsed JSON value nests (a scalar is 0), counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > PANEL_BODY_LIMITS.jsonDepth) return deepest;
    for (const member of Object.values(item)) pending.push([member, depth + 1]);
  }
  return deepest;
}

function checkedFields(fields: Map<string, unknown>): Record<string, unknown> {
  for (const [name, value] of fields) {
    if (name === '') throw refused(400, 'Every field of the form needs a name.');
    // AdminJS unflattens "a.b" names into objects: "__proto__.x" would reach Object.prototype.
    if (hasInheritedName(name, value)) throw refused(400, `The field name "${name}" is not allowed.`);
  }
  return Object.fromEntries(fields);
}

/**
 * Parses the body of a POST to AdminJS's routes into `req.fields` and marks every request parsed,
 * so express-formidable (mounted by @adminjs/express behind this) never reads a stream.
 */
export function panelBodies(warn: (message: string, details: Record<string, unknown>) => void): RequestHandler {
  const parseJson = express.json({ limit: PANEL_BODY_LIMITS.bytes, strict: true, type: () => true });
  return asyncRoute(async (req, res, next) => {
    req.fields = {};
    req.files = {};
    req.express_formidable = { parsed: true };
    if (req.method !== 'POST' || !hasBody(req)) return next();
    try {
      const kind = req.is(['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json']);
      if (!kind) throw refused(415, FORM_TYPES_MESSAGE);
      const fields = kind === 'application/json' ? await readJson(req, res, parseJson) : await readForm(req);
      req.fields = checkedFields(fields);
      next();
    } catch (error) {
      if (!(error instanceof BodyRefused)) return next(error);
      warn('Refused a panel request body', { path: req.path, status: error.refusal.status, reason: error.message });
      // The rest of the body is read and dropped, so the connection can carry the next request.
      req.resume();
      sendRefusal(req, res, error.refusal);
    }
  });
}
