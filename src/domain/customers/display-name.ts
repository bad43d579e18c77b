/**
 * How a customer is named on screens, in messages and in lists — one spelling for the panel, the
 * Home's recent actions and the API's readers. Names are shown as typed (trimmed by validation).
 */

export interface NamedCustomer {
  firstName: string;
  lastName: string;
}

/** The name as people say it: { firstName: "Jürgen", lastName: "Müller" } → "Jürgen Müller". */
export function customerName({ firstName, lastName }: NamedCustomer): string {
  return `${firstName} ${lastName}`.trim();
}

/** The name as lists sort it: "Müller, Jürgen" (a list ordered by last name reads down this column). */
export function customerListName({ firstName, lastName }: NamedCustomer): string {
  return firstName ? `${lastName}, ${firstName}` : lastName;
}

/** The title of a customer's page, the name and the number staff quote: "Jürgen Müller · #2001". */
export function customerTitle(customer: NamedCustomer & { id: number }): string {
  return `${customerName(customer)} · #${customer.id}`;
}
