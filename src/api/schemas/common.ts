/** Schemas shared by the API's operations: problems, paging parameters, record ids. */
import type { ZodError } from 'zod';
import { MAX_ID } from '../../domain/record-id.js';
import { isAcceptableText, unacceptableTextMessage, WORDS } from '../../domain/text.js';
import { z } from '../zod.js';

const problemFields = {
  type: z.literal('about:blank').openapi({ description: 'No problem types beyond the HTTP status are defined.' }),
  title: z.string().openapi({ description: 'The HTTP status phrase.', example: 'Unprocessable Entity' }),
  status: z.number().int().openapi({ example: 422 }),
  detail: z.string().openapi({ description: 'What went wrong, for a person to read.' }),
  instance: z.string().openapi({ description: 'The path of the request.', example: '/api/v1/customers' }),
};
const fieldErrors = z
  .record(z.string())
  .openapi({ example: { email: 'Enter a valid email address, like name@example.com.' } });

export const ProblemSchema = z
  .object({
    ...problemFields,
    errors: fieldErrors.optional().openapi({ description: 'One message per invalid query parameter (400).' }),
  })
  .strict()
  .openapi('Problem', { description: 'RFC 9457 problem details, served as application/problem+json.' });

// Not an extension of Problem: allOf with closed objects would refuse every property of the other.
export const ValidationProblemSchema = z
  .object({
    ...problemFields,
    errors: fieldErrors.openapi({ description: 'One message per invalid field: the messages the admin panel shows.' }),
  })
  .strict()
  .openapi('ValidationProblem', { description: 'Problem details of invalid fields (422).' });

export const IdParams = z.object({
  id: z
    .preprocess(
      (value) => (typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : value),
      z.number().int().min(1).max(MAX_ID),
    )
    .openapi({ param: { description: 'The record id.' }, example: 42 }),
});

function wholeNumber(name: string, min: number, max: number, fallback: number, description: string) {
  const message = `${name} must be a whole number from ${min} to ${max}.`;
  return z
    .preprocess(
      (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
      z.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message),
    )
    .default(fallback)
    .openapi({ description });
}

export const MAX_PAGE_SIZE = 100;
/** Keeps (page - 1) × pageSize within a 32-bit offset. */
const MAX_PAGE = 1_000_000;

export const pagingParameters = {
  page: wholeNumber('page', 1, MAX_PAGE, 1, 'The page to answer, from 1.'),
  pageSize: wholeNumber('pageSize', 1, MAX_PAGE_SIZE, 20, `Items per page, at most ${MAX_PAGE_SIZE}.`),
};

/** `sort=name` ascending, `sort=-name` descending, over the given fields. */
export function sortParameter<F extends string>(fields: readonly [F, ...F[]], fallback: string) {
  const values = fields.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return z
    .enum(values, { errorMap: () => ({ message: `sort must be one of: ${values.join(', ')}.` }) })
    .default(fallback)
    .openapi({ description: `The field to sort by; a leading - sorts in descending order. Ties are broken by id.` });
}

export function parseSort(sort: string): { sortBy: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-') ? { sortBy: sort.slice(1), direction: 'desc' } : { sortBy: sort, direction: 'asc' };
}

export function booleanParameter(name: string, description: string) {
  const message = `${name} must be true or false.`;
  return z
    .preprocess(
      (value) => (value === 'true' ? true : value === 'false' ? false : value),
      z.boolean({ invalid_type_error: message }),
    )
    .optional()
    .openapi({ description });
}

export function searchParameter(description: string) {
  return z
    .string({ invalid_type_error: 'q must be text.' })
    .max(200, 'q must be at most 200 characters.')
    .refine((value) => isAcceptableText(value, WORDS), unacceptableTextMessage('q'))
    .optional()
    .openapi({ description });
}

/** {field: message} from a zod error; `unknown` names what an unrecognised key is called. */
export function fieldErrorsOf(error: ZodError, unknown: string): Record<string, string> {
  // A Map, then own properties: a client's key may be "__proto__".
  const errors = new Map<string, string>();
  const add = (key: string, message: string) => errors.has(key) || errors.set(key, message);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => add(key, unknown));
    else add(String(issue.path[0] ?? 'body'), issue.message);
  }
  return Object.fromEntries(errors);
}
