// Prisma CLI configuration: the JavaScript schema engine and the
// better-sqlite3 adapter, so migrations run offline (no engine download).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL, ensureDatabaseDirectory } from "./lib/server/database-url";

process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
const databaseUrl = process.env.DATABASE_URL;
ensureDatabaseDirectory(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
