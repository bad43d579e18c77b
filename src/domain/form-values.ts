/** How the domain reads values typed into forms, the same for the panel, the API and the CLI. */

/** Form posts send '' or null for an emptied field: both mean "not given". */
export const blankToUndefined = (value: unknown): unknown =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
