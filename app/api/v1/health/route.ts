import { pool } from "@/lib/server/db";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Liveness plus a round trip to the database, for launchers and load balancers. */
export const GET = route(async () => {
  const started = performance.now();
  await pool().query("SELECT 1");
  return Response.json({ ok: true, dbLatencyMs: Math.round((performance.now() - started) * 10) / 10 });
});
