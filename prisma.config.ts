import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file. Migrations run through prisma/migrate.ts (WASM schema
// engine), because the native engine cannot be downloaded on these machines. `--sql` describes
// prisma/sql/*.sql through prisma/schema-engine-rpc, which ignores this URL (it describes against a
// throwaway database migrated from prisma/migrations) but the CLI wants one.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
