import type { PrismaClient } from '@prisma/client';
import { formatPhone } from './phone.js';

export type UniqueField = 'email' | 'phone';
const labels: Record<UniqueField, string> = { email: 'email', phone: 'phone number' };

/**
 * Field errors for an email or phone already held by another customer. Deleted customers keep
 * theirs reserved, and the message says how to get it back. Used for the friendly pre-check and,
 * identically, for a unique violation lost in a race.
 */
export async function uniquenessErrors(
  prisma: PrismaClient,
  values: Partial<Record<UniqueField, string>>,
  excludeId?: number,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const field of ['email', 'phone'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    const holder = await prisma.customer.findFirst({
      where: { [field]: value, ...(excludeId === undefined ? {} : { id: { not: excludeId } }) },
      select: { id: true, deletedAt: true },
    });
    if (holder) errors[field] = takenMessage(field, value, holder);
  }
  return errors;
}

/** "The email ada@example.com already belongs to customer #12." — the form's and the import's message. */
export function takenMessage(
  field: UniqueField,
  value: string,
  holder: { id: number; deletedAt: Date | null },
): string {
  const shown = field === 'phone' ? formatPhone(value) : value;
  return holder.deletedAt
    ? `The ${labels[field]} ${shown} belongs to deleted customer #${holder.id} — restore that customer instead.`
    : `The ${labels[field]} ${shown} already belongs to customer #${holder.id}.`;
}
