import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file. Migrations run through prisma/migrate.ts (WASM schema
// engine), because the native engine cannot be downloaded on these machines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
