// Drives Prisma's schema engine compiled to WebAssembly, because the native engine binary cannot be
// downloaded on these machines. It records into the same `_prisma_migrations` table as
// `prisma migrate deploy`, so an environment with the native engine can take over at any time.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname ?? __dirname, "migrations");
export const SCHEMA_FILE = path.resolve(import.meta.dirname ?? __dirname, "schema.prisma");

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const file = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const bytes = await readFile(file);
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export async function openSchemaEngine(databaseUrl: string): Promise<SchemaEngine> {
  await loadWasm();
  const schema = await readFile(SCHEMA_FILE, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(new PrismaPg(poolConfig(databaseUrl))));
  const log = (line: string) => {
    if (process.env.PRISMA_MIGRATE_DEBUG) console.error("[schema-engine]", line);
  };
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA_FILE, schema]] }, log, adapter);
}

/**
 * Discrete settings rather than `connectionString`: the adapter's shadow database (used by `diff`
 * from the migrations directory) overrides `database`, which a connection string would shadow.
 */
function poolConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

type ScriptAdapter = { executeScript(script: string): Promise<void> };
type Internals = { client: { query(sql: string): Promise<unknown> }; onError(err: unknown): never };

// adapter-pg splits scripts on every ";", which breaks dollar-quoted function bodies (our ledger's
// append-only trigger). Postgres runs a multi-statement simple query as one implicit transaction,
// which is also what makes a migration all-or-nothing.
function wholeScriptFactory(factory: PrismaPg): PrismaPg {
  const patch = <T extends ScriptAdapter>(adapter: T): T => {
    const internals = adapter as unknown as Internals;
    adapter.executeScript = async (script: string) => {
      try {
        // The adapter drops its shadow database before closing the pool still connected to it.
        const sql = /^DROP DATABASE "prisma_migrate_shadow_db_[\w-]+"$/.test(script) ? `${script} WITH (FORCE)` : script;
        await internals.client.query(sql);
      } catch (err) {
        internals.onError(err);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => {
    const shadow = patch(await connectToShadowDb());
    // Dropping the shadow database WITH (FORCE) ends this pool's idle client; expected, not fatal.
    shadow.underlyingDriver().on("error", () => undefined);
    return shadow;
  };
  return factory;
}

export async function listMigrations(): Promise<MigrationList> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (err: Error) => ({ tag: "error" as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content: sql } };
    }),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
