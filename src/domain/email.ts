/**
 * Email addresses, for customers and staff alike: stored and compared trimmed and lower-case,
 * at most 254 characters (RFC 5321's path limit), one message per problem.
 */
import { z } from 'zod';
import { blankToUndefined } from './form-values.js';
import { checkedText } from './text.js';

export const EMAIL_MAX_LENGTH = 254;

/** " Ada@Example.COM " → "ada@example.com". */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const address = z
  .string()
  .max(EMAIL_MAX_LENGTH, `Email must be at most ${EMAIL_MAX_LENGTH} characters.`)
  .email('Enter a valid email address, like name@example.com.');

export const emailSchema = z.preprocess(
  blankToUndefined,
  z
    .string({ required_error: 'Email is required.', invalid_type_error: 'Email must be text.' })
    .transform(normalizeEmail)
    .transform(checkedText('Email'))
    .pipe(address),
);

/**
 * Whether what was typed is an email address (once normalised). Sign-in and forgot password look
 * up, count and record only such text: anything else may be a password typed into the wrong field.
 */
export function isEmailAddress(value: string): boolean {
  return address.safeParse(normalizeEmail(value)).success;
}
