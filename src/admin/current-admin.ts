import type { User } from '@prisma/client';
import type { CurrentAdmin } from 'adminjs';
import { isRole, type Actor, type Role } from '../domain/accounts/permissions.js';

/** What the session keeps about the signed-in user; AdminJS reads it as `currentAdmin`. */
export interface SessionAdmin {
  id: number;
  email: string;
  name: string;
  role: Role;
  title: string;
}

export function sessionAdminOf(user: User): SessionAdmin {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    title: `${user.name} · ${user.role.toLowerCase()}`,
  };
}

export function roleOf(currentAdmin: CurrentAdmin | undefined): Role | undefined {
  const role: unknown = currentAdmin?.role;
  return isRole(role) ? role : undefined;
}

/** The domain actor behind an AdminJS context; missing only if the auth guard was bypassed. */
export function actorOf(currentAdmin: CurrentAdmin | undefined): Actor {
  const role = roleOf(currentAdmin);
  const id = Number(currentAdmin?.id);
  if (!role || !Number.isSafeInteger(id)) throw new Error('AdminJS action invoked without a signed-in user');
  return { id, role };
}
