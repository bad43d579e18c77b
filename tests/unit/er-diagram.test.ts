/**
 * The data model diagram in docs/architecture.md is generated from prisma/schema.prisma
 * (`npm run docs:er`, scripts/er-diagram.ts). This fails when the committed diagram is stale, and
 * checks that the generator reads what the schema says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_FILE, committedSection, erDiagramSection, SCHEMA_FILE } from '../../scripts/er-diagram.js';

const SCHEMA = `
generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "sqlite"
  url      = "file:./x.db"
}

enum Role {
  ADMIN
  CLERK
}

model Shop {
  id      Int     @id @default(autoincrement())
  name    String  @unique
  manager Clerk?  @relation("ShopManager", fields: [managerId], references: [id])
  managerId Int?  @unique
  clerks  Clerk[] @relation("ShopClerks")
}

model Clerk {
  id       Int     @id
  role     Role
  notes    String?
  shop     Shop    @relation("ShopClerks", fields: [shopId], references: [id])
  shopId   Int
  manages  Shop?   @relation("ShopManager")
}
`;

describe('the data model diagram', () => {
  it('in docs/architecture.md is the one prisma/schema.prisma gives (else run `npm run docs:er`)', () => {
    const committed = committedSection(readFileSync(ARCHITECTURE_FILE, 'utf8'));
    expect(committed, 'docs/architecture.md has lost its er-diagram markers').not.toBeNull();
    expect(committed, 'stale: run `npm run docs:er`').toBe(erDiagramSection(readFileSync(SCHEMA_FILE, 'utf8')));
  });

  it('draws every model with its columns, keys and optional fields, and each relation from its foreign key', () => {
    const section = erDiagramSection(SCHEMA);
    expect(section).toContain(
      ['  Shop {', '    Int id PK', '    String name UK', '    Int managerId FK, UK "optional"', '  }'].join('\n'),
    );
    expect(section).toContain(
      ['  Clerk {', '    Int id PK', '    Role role', '    String notes "optional"', '    Int shopId FK', '  }'].join(
        '\n',
      ),
    );
    // A required key: exactly one shop, which has zero or more clerks. An optional one-to-one key.
    expect(section).toContain('  Shop ||--o{ Clerk : "shop"');
    expect(section).toContain('  Clerk |o--o| Shop : "manager"');
    expect(section).toContain('`Role` is one of `ADMIN`, `CLERK`.');
  });

  it('refuses a schema Prisma would refuse, with Prisma’s message', () => {
    expect(() => erDiagramSection('model Broken { id Int @id\n  other Nowhere }')).toThrow(/Nowhere/);
  });
});
