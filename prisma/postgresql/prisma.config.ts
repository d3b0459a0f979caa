// Prisma CLI configuration for the PostgreSQL twin of the schema: client
// generation and SQL diffs (migrations are applied by scripts/migrate-postgres.mjs,
// as the JS schema engine's `migrate deploy` does not work on PostgreSQL).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.DATABASE_URL ||= "postgresql://localhost:5432/epoch_lab";
const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString });
  },
});
