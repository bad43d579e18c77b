/**
 * The contract check of the API tests: every response they receive from /api/v1 is validated
 * against the OpenAPI document the app serves — the status must be documented for the operation,
 * the content type must be one documented for that status, and a JSON body must match its schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses it, checked with Ajv2020). Answers on paths or methods
 * that no operation has must be problems (404, 405) or the 204 of OPTIONS.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Response } from 'supertest';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export const API_PREFIX = '/api/v1';

interface MediaType {
  schema?: unknown;
}
interface DocumentedResponse {
  content?: Record<string, MediaType>;
}
interface OpenApiOperation {
  responses: Record<string, DocumentedResponse>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

/** Paths of the API that are not operations: the document itself and the docs page. */
const NOT_OPERATIONS = /^\/(openapi\.json|docs(\/.*)?)$/;

function withLocalRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"openapi#/$defs/'));
}

export interface Contract {
  /** Throws an Error naming what differs from the document. */
  check(method: string, url: string, response: Response): void;
  /** How many responses have been checked. */
  readonly checked: number;
}

export function createContract(document: OpenApiDocument): Contract {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword('example');
  ajv.addSchema({ $id: 'openapi', $defs: withLocalRefs(document.components.schemas) as Record<string, unknown> });
  const compiled = new Map<unknown, ValidateFunction>();
  const validatorFor = (schema: unknown) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(withLocalRefs(schema) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const problemValidator = validatorFor({ $ref: '#/components/schemas/Problem' });

  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  }));

  let checked = 0;

  function validateBody(validate: ValidateFunction, body: unknown, where: string): void {
    if (!validate(body))
      throw new Error(
        `${where}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
      );
  }

  return {
    get checked() {
      return checked;
    },
    check(method, url, response) {
      const { pathname } = new URL(url, 'http://api.test');
      if (!pathname.toLowerCase().startsWith(API_PREFIX)) return;
      const path = pathname.slice(API_PREFIX.length) || '/';
      if (NOT_OPERATIONS.test(path)) return;
      checked += 1;
      const where = `${method} ${pathname} → ${response.status}`;
      const mediaType = String(response.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
      const template = templates.find((candidate) => candidate.pattern.test(path))?.template;
      const operation = template ? document.paths[template]?.[verb] : undefined;

      if (!operation) {
        if (verb === 'options' && response.status === 204) return;
        if (![404, 405].includes(response.status))
          throw new Error(`${where}: no operation for this method and path, yet not a 404 or 405`);
        if (mediaType !== 'application/problem+json') throw new Error(`${where}: answered ${mediaType}, not a problem`);
        validateBody(problemValidator, response.body, where);
        return;
      }
      const documented = operation.responses[String(response.status)];
      if (!documented)
        throw new Error(`${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`);
      if (
        mediaType === 'application/problem+json' &&
        (response.body as { status?: unknown }).status !== response.status
      ) {
        throw new Error(`${where}: the problem's status differs from the HTTP status`);
      }
      const contentTypes = Object.keys(documented.content ?? {});
      if (contentTypes.length === 0 || method.toLowerCase() === 'head') {
        if (response.text) throw new Error(`${where}: a body where the document has none`);
        return;
      }
      const content = documented.content?.[mediaType];
      if (!content)
        throw new Error(
          `${where}: content type ${mediaType || '(none)'} not documented (documented: ${contentTypes.join(', ')})`,
        );
      // A file (CSV, XLSX) is checked by the tests that read it; here only its media type.
      if (!/^application\/(.+\+)?json$/.test(mediaType)) return;
      validateBody(validatorFor(content.schema), response.body, where);
    },
  };
}
