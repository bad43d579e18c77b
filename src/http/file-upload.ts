/**
 * Reads one uploaded file, bounded: a multipart/form-data form with a `file` part and a few small
 * text fields, or the file itself as the body (text/csv, an XLSX media type or
 * application/octet-stream). Nothing past the limit is kept: the rest of the body is read and
 * dropped so that the connection can carry the next request, and the answer is a refusal with a
 * status and a sentence, never an exception of the parser.
 */
import { Busboy } from '@fastify/busboy';
import type { Request } from 'express';

export const FILE_BODY_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
] as const;

const FIELD_BYTES = 64 * 1024;
const FIELDS = 20;

export interface FileUpload {
  fileName: string;
  content: Buffer;
  /** The text fields of a form; none for a bare file body. */
  fields: Record<string, string>;
}

export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export interface UploadLimits {
  maxBytes: number;
  /** The sentence of a 413: says what the limit is in the product's words. */
  tooLargeMessage: string;
}

function declaredLength(req: Request): number | null {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) ? length : null;
}

/** Reads the body to its end, keeping at most `maxBytes` of it. */
function readBare(req: Request, limits: UploadLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      tooLarge ? reject(new UploadRefused(413, limits.tooLargeMessage)) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', () => reject(new UploadRefused(400, 'The upload ended before the whole file arrived.')));
  });
}

function readForm(req: Request, limits: UploadLimits): Promise<FileUpload> {
  return new Promise((resolve, reject) => {
    let busboy: ReturnType<typeof Busboy>;
    try {
      busboy = Busboy({
        headers: req.headers as Parameters<typeof Busboy>[0]['headers'],
        limits: { fileSize: limits.maxBytes, files: 1, fields: FIELDS, fieldSize: FIELD_BYTES, parts: FIELDS + 1 },
      });
    } catch {
      reject(new UploadRefused(400, 'The form could not be read: its Content-Type header is incomplete.'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: { fileName: string; content: Buffer } | null = null;
    let refusal: UploadRefused | null = null;
    const refuse = (error: UploadRefused) => (refusal ??= error);
    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) refuse(new UploadRefused(413, `The field "${name}" is longer than 64 KiB.`));
      else fields[name] = value;
    });
    busboy.on('file', (name, stream, fileName) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => refuse(new UploadRefused(413, limits.tooLargeMessage)));
      // A part cut short: busboy reports the form's error too, which answers.
      stream.on('error', () => refuse(new UploadRefused(400, 'The form ended before the whole file arrived.')));
      stream.on('end', () => {
        if (name !== 'file') refuse(new UploadRefused(400, `Send the file in the form field "file", not "${name}".`));
        else file = { fileName: fileName || 'upload', content: Buffer.concat(chunks) };
      });
    });
    busboy.on('filesLimit', () => refuse(new UploadRefused(400, 'Send one file at a time.')));
    busboy.on('fieldsLimit', () => refuse(new UploadRefused(413, `The form has more than ${FIELDS} fields.`)));
    busboy.on('partsLimit', () => refuse(new UploadRefused(413, `The form has more than ${FIELDS} fields.`)));
    busboy.on('error', () => {
      req.unpipe(busboy);
      req.resume();
      reject(refusal ?? new UploadRefused(400, 'The form could not be read: it is malformed or incomplete.'));
    });
    busboy.on('finish', () => {
      if (refusal) return reject(refusal);
      if (!file) return reject(new UploadRefused(400, 'Choose a CSV or XLSX file to upload (form field "file").'));
      resolve({ ...file, fields });
    });
    req.pipe(busboy);
  });
}

export async function readFileUpload(req: Request, limits: UploadLimits, bareFileName: string): Promise<FileUpload> {
  const length = declaredLength(req);
  // Far larger than allowed: refused before a byte is read (the form's own parts add a little).
  if (length !== null && length > limits.maxBytes + FIELDS * FIELD_BYTES) {
    req.resume();
    throw new UploadRefused(413, limits.tooLargeMessage);
  }
  if (req.is('multipart/form-data')) return readForm(req, limits);
  if (req.is([...FILE_BODY_TYPES])) return { fileName: bareFileName, content: await readBare(req, limits), fields: {} };
  req.resume();
  throw new UploadRefused(
    415,
    'Send the file as multipart/form-data (field "file"), or as the body with Content-Type text/csv or the XLSX type.',
  );
}
