/**
 * The rule for a person's name (a customer's first and last name, a staff member's name): required
 * text, trimmed, inner white space collapsed, NFC, at most 100 characters, no control characters and
 * not markup alone. One rule, so a name the panel accepts is a name the API and the CLI accept.
 */
import { z } from 'zod';
import { blankToUndefined } from './form-values.js';
import { checkedText, isMarkupOnly } from './text.js';

export const NAME_MAX_LENGTH = 100;

/** "  Zoë   Müller " → "Zoë Müller"; "</script>" → "Name must contain letters, not only markup." */
export function personName(label: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ required_error: `${label} is required.`, invalid_type_error: `${label} must be text.` })
      // White space of any kind (a pasted tab or line break too) is one space; other controls are refused.
      .transform((value) => value.trim().replace(/\s+/g, ' '))
      .transform(checkedText(label))
      // A pipe, so that text refused above is not handed to the rules below (they need a string).
      .pipe(
        z
          .string()
          .refine((value) => !isMarkupOnly(value), `${label} must contain letters, not only markup.`)
          .refine(
            (value) => [...value].length <= NAME_MAX_LENGTH,
            `${label} must be at most ${NAME_MAX_LENGTH} characters.`,
          ),
      ),
  );
}
