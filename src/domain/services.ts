import type { PrismaClient } from '@prisma/client';
import { createAuthenticator } from './accounts/authentication.js';
import { createUserService } from './accounts/users.js';
import { createCustomerService } from './customers/service.js';
import type { PhoneRegion } from './customers/phone.js';
import { systemClock, type Clock } from './errors.js';

export interface DomainOptions {
  prisma: PrismaClient;
  defaultPhoneRegion: PhoneRegion;
  clock?: Clock;
}

/** Every domain service, wired to one database and one clock. */
export function createServices({ prisma, defaultPhoneRegion, clock = systemClock }: DomainOptions) {
  return {
    prisma,
    clock,
    customers: createCustomerService({ prisma, clock, defaultPhoneRegion }),
    users: createUserService({ prisma, clock }),
    authenticator: createAuthenticator({ prisma, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
