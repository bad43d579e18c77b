/**
 * The rules for a customer record: one schema shared by the admin panel, the API and the CLI.
 * Every message names the problem in words a clerk understands and belongs to one field.
 */
import { z } from 'zod';
import { FieldValidationError } from '../errors.js';
import { emailSchema } from '../email.js';
import { blankToUndefined } from '../form-values.js';
import { personName } from '../person-name.js';
import { checkedText } from '../text.js';
import { ageOn, MAX_AGE, MIN_AGE, parseCalendarDate } from './age.js';
import { parsePhone, type PhoneRegion } from './phone.js';

export { NAME_MAX_LENGTH } from '../person-name.js';
export const NOTES_MAX_LENGTH = 2000;

export const CUSTOMER_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'notes'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export interface CustomerData {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: Date;
  notes: string | null;
}

export interface CustomerRuleContext {
  /** The day of the change: ages are computed on it. */
  today: Date;
  /** Region for numbers typed without +country code. */
  defaultPhoneRegion: PhoneRegion;
}

const email = emailSchema;

function phone(region: PhoneRegion) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ required_error: 'Phone is required.', invalid_type_error: 'Phone must be text.' })
      .transform(checkedText('Phone'))
      .transform((value, ctx) => {
        const parsed = parsePhone(value, region);
        if (!parsed.ok) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
          return z.NEVER;
        }
        return parsed.e164;
      }),
  );
}

function dateOfBirth(today: Date) {
  return z.preprocess(
    blankToUndefined,
    z
      .union([z.string(), z.date()], {
        errorMap: (issue, ctx) =>
          issue.code === z.ZodIssueCode.invalid_union && ctx.data === undefined
            ? { message: 'Date of birth is required.' }
            : { message: 'Enter the date of birth as a date, like 1990-05-17.' },
      })
      .transform((value, ctx) => {
        const date = parseCalendarDate(value);
        if (!date) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Enter a real calendar date, like 1990-05-17.' });
          return z.NEVER;
        }
        if (date.getTime() > today.getTime()) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Date of birth cannot be in the future.' });
          return z.NEVER;
        }
        const age = ageOn(date, today);
        if (age < MIN_AGE || age > MAX_AGE) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `Customers must be between ${MIN_AGE} and ${MAX_AGE} years old; this date of birth gives ${age}.`,
          });
          return z.NEVER;
        }
        return date;
      }),
  );
}

const notes = z.preprocess(
  (value) => (value === undefined ? undefined : (blankToUndefined(value) ?? null)),
  z
    .string({ invalid_type_error: 'Notes must be text.' })
    .transform(checkedText('Notes', { multiline: true }))
    .pipe(z.string().max(NOTES_MAX_LENGTH, `Notes must be at most ${NOTES_MAX_LENGTH} characters.`))
    .nullable(),
);

export function customerSchema(context: CustomerRuleContext) {
  return z.object({
    firstName: personName('First name'),
    lastName: personName('Last name'),
    email,
    phone: phone(context.defaultPhoneRegion),
    dateOfBirth: dateOfBirth(context.today),
    notes: notes.optional().transform((value) => value ?? null),
  });
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A complete new customer. Throws FieldValidationError listing every bad field. */
export function validateNewCustomer(input: Record<string, unknown>, context: CustomerRuleContext): CustomerData {
  return newCustomerValidator(context)(input);
}

/** validateNewCustomer for many records under one context (an import): the schema is built once. */
export function newCustomerValidator(context: CustomerRuleContext): (input: Record<string, unknown>) => CustomerData {
  const schema = customerSchema(context);
  return (input) => {
    const result = schema.safeParse(input);
    if (!result.success) throw new FieldValidationError(fieldErrorsOf(result.error));
    return result.data;
  };
}

/**
 * The fields given in an update, validated; fields not given are left out.
 * Only fields that are given are checked, so a customer who has since turned 101 can still
 * have their notes edited.
 */
export function validateCustomerChanges(
  input: Record<string, unknown>,
  context: CustomerRuleContext,
): Partial<CustomerData> {
  const given = CUSTOMER_FIELDS.filter((field) => input[field] !== undefined);
  const shape = customerSchema(context).pick(
    Object.fromEntries(given.map((field) => [field, true])) as Record<CustomerField, true>,
  );
  const result = shape.safeParse(input);
  if (!result.success) throw new FieldValidationError(fieldErrorsOf(result.error));
  return result.data;
}
