import "server-only";
import { AppError } from "@/lib/errors";
import { heuristStatsQuerySchema, type HeuristStatsQuery, type HeuristStatsSummary } from "@/lib/schemas/heurist-stats";
import { HEURIST_STATS_INTERVAL_SECONDS } from "@/lib/snapshots/schedule";
import { readPrisma } from "../db";
import { heuristStatsDetails, heuristStatsSummary } from "../generated/prisma/sql";
import { describeIssues } from "../http";
import { snapshotPending } from "../snapshot-pending";
import { heuristMinerStatsOrThrow } from "./miner-stats";

// GET /prod/stats (decision 0033): the parameters, the two snapshot reads, and the answer's form.

/**
 * The query string with a repeated parameter kept as a list (the schema refuses it by name),
 * where URLSearchParams → Object.fromEntries would silently keep the last value.
 */
export function parseHeuristStatsQuery(url: string): HeuristStatsQuery {
  const params = new Map<string, string | string[]>();
  for (const [key, value] of new URL(url).searchParams) {
    const seen = params.get(key);
    params.set(key, seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]);
  }
  const parsed = heuristStatsQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new AppError("bad_request", "Invalid query parameters", describeIssues(parsed.error));
  return parsed.data;
}

/**
 * The body as Heurist's API sent it: plain JSON with its length, never compressed on the way
 * (no-transform keeps Next.js's gzip off it): a forwarding proxy that copies the response headers
 * onto the body it decoded would otherwise hand browsers a "gzip" body that is not.
 */
export function heuristStatsResponse(body: Buffer): Response {
  // A Buffer is a Uint8Array; the cast only narrows its backing store to an ArrayBuffer (never shared here).
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/json",
      "content-length": String(body.byteLength),
      "cache-control": `public, max-age=${HEURIST_STATS_INTERVAL_SECONDS}, no-transform`,
    },
  });
}

const pending = () => snapshotPending("The network's Heurist-compatible stats", HEURIST_STATS_INTERVAL_SECONDS);

/** The network's figures without the list: the snapshot's header columns. */
async function summary(): Promise<HeuristStatsSummary> {
  const [r] = await readPrisma().$queryRawTyped(heuristStatsSummary());
  if (!r) throw pending();
  return { last24HrsImageCount: Number(r.images), last24HrsTextCount: Number(r.texts), minerCount: r.miners, activeMinerCount: r.active, asOf: r.built_at.toISOString() };
}

/**
 * The details=true answer as the worker serialized it, kept by this process with the snapshot time
 * it belongs to: each request asks the database for that time only (one indexed column) and reads
 * the ~10 MB body again only when the worker has built a newer one. Every server still answers the
 * snapshot the database holds; what is kept is a copy of that row, not state of its own.
 */
let copy: { builtAt: number; body: Buffer } | undefined;

async function details(): Promise<Buffer> {
  const head = await readPrisma().heuristStatsSnapshot.findUnique({ where: { id: 1 }, select: { builtAt: true } });
  if (!head) throw pending();
  if (copy?.builtAt === head.builtAt.getTime()) return copy.body;
  const [row] = await readPrisma().$queryRawTyped(heuristStatsDetails());
  if (!row) throw pending();
  copy = { builtAt: row.built_at.getTime(), body: Buffer.from(row.details) };
  return copy.body;
}

/** What GET /prod/stats answers: minerId first (a proxy may add details=true to it), then details=true, else the network's figures. */
export async function heuristStatsBody(query: HeuristStatsQuery): Promise<Buffer> {
  if (query.minerId !== undefined) return Buffer.from(JSON.stringify(await heuristMinerStatsOrThrow(query.minerId)));
  if (query.details) return details();
  return Buffer.from(JSON.stringify(await summary()));
}
