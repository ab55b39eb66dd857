// Run by embedded-postgres.test.ts as its own process group, as a terminal runs `npm run portal`:
// starts the embedded PostgreSQL, starts a query that takes a second, prints "in flight", and on
// SIGINT (Ctrl+C reaches the whole group) lets the query finish before it stops the database, as
// the portal lets its web server and worker finish. Exit 0 only if the query survived the Ctrl+C.
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

const [dataDir, passwordFile, port] = process.argv.slice(2);
const db = await startEmbeddedPostgres({ dataDir: dataDir!, passwordFile: passwordFile!, port: Number(port) });
const client = new pg.Client(db.url);
await client.connect();
client.on("error", () => undefined);
const query = client.query("SELECT pg_sleep(1.5) AS slept").then(
  () => "query finished",
  (err: Error) => `query failed: ${err.message}`,
);
process.once("SIGINT", async () => {
  const outcome = await query;
  await client.end().catch(() => undefined);
  await db.stop();
  process.stdout.write(`${outcome}\n`);
  process.exit(outcome === "query finished" ? 0 : 1);
});
process.stdout.write("in flight\n");
