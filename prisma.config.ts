// Prisma CLI configuration. Only `generate` runs through the CLI here: it needs no native
// engine once the schema-engine binary is pointed at /bin/false (see ../shared/STACK.md).
// Migrations run through scripts/db-migrate.ts, which needs no binary at all.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/counterpoint" },
});
