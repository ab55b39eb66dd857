import { opsEnv } from "@/lib/env";
import { route } from "@/lib/server/http";
import { authorizeScrape, scrapeMetrics } from "@/lib/server/ops/scrape";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this server process (each instance is scraped on its own). */
export const GET = route(async (req) => {
  authorizeScrape(req.headers.get("authorization"), opsEnv().METRICS_TOKEN);
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
