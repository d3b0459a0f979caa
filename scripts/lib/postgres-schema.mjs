// The PostgreSQL schema is generated from the SQLite one (prisma/schema.prisma
// is the single source of the data model): only the provider and the client's
// output folder differ.
import { readFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";
export const SQLITE_MIGRATIONS = "prisma/migrations";
export const POSTGRES_MIGRATIONS = "prisma/postgresql/migrations";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:migration\` (scripts/lib/postgres-schema.mjs).
// Do not edit: change prisma/schema.prisma and run \`npm run db:migration NAME\`.
`;

/** The PostgreSQL twin of a SQLite schema text. */
export function postgresSchemaFrom(sqliteSchema) {
  const replaced = sqliteSchema.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"').replace(/output\s*=\s*"\.\.\/generated\/prisma"/, 'output     = "../../generated/prisma-pg"');
  if (replaced === sqliteSchema || !replaced.includes('"postgresql"') || !replaced.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the expected sqlite provider and ../generated/prisma output");
  }
  return HEADER + replaced;
}

export function expectedPostgresSchema() {
  return postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
}
