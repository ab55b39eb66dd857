import "server-only";
import { Feed } from "feed";
import { serverEnv } from "@/lib/env";
import { readPool } from "../db";

// Public Atom feeds of a wallet's or a miner's alerts (decision 0035), for feed readers and chat
// bots: what happened to the GPUs and nodes, never who watches them or where their webhooks go. The
// same fact raised by several watches (two people watching one node) is one entry.

const ENTRIES = 50;

/** A feed reader may poll every minute; the alerts change no faster than the worker evaluates. */
export const ATOM_HEADERS = { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } as const;

export type FeedScope = { kind: "wallet"; address: string } | { kind: "miner"; minerId: string };

interface FeedRow {
  kind: string;
  subject: string;
  fact: string;
  title: string;
  opened_at: Date;
  resolved_at: Date | null;
  detail: Record<string, unknown>;
}

/** A fact in words for the entry's summary: the alert's detail, keys as labels. */
function summaryOf(r: FeedRow): string {
  const facts = Object.entries(r.detail)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k.replace(/([A-Z])/g, " $1").toLowerCase()}: ${String(v)}`);
  const state = r.resolved_at === null ? "ongoing" : r.resolved_at.getTime() === r.opened_at.getTime() ? null : `resolved ${r.resolved_at.toISOString()}`;
  return [`${r.title}.`, ...(state ? [`State: ${state}.`] : []), ...facts.map((f) => `${f}.`)].join(" ");
}

export async function alertFeed(scope: FeedScope): Promise<string> {
  const origin = serverEnv().AUTH_ORIGIN;
  const [where, value, page, self] =
    scope.kind === "wallet"
      ? ["wallet = $1", scope.address, `/wallets/${scope.address}`, `/api/v1/wallets/${scope.address}/feed.atom`]
      : ["subject = $1", scope.minerId, `/miners/${scope.minerId}`, `/api/v1/miners/${scope.minerId}/feed.atom`];
  const { rows } = await readPool().query<FeedRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (kind, subject, fact) kind, subject, fact, title, opened_at, resolved_at, detail
         FROM (SELECT a.*, coalesce(a.event_key, a.title || '@' || a.opened_at::text) AS fact FROM alerts a WHERE a.${where}) a
        ORDER BY kind, subject, fact, coalesce(resolved_at, opened_at) DESC) f
      ORDER BY coalesce(resolved_at, opened_at) DESC, fact LIMIT ${ENTRIES}`,
    [value],
  );
  const name = scope.kind === "wallet" ? `wallet ${scope.address}` : `miner ${scope.minerId}`;
  const host = new URL(origin).host;
  const updated = rows[0] ? (rows[0].resolved_at ?? rows[0].opened_at) : new Date(0);
  const feed = new Feed({
    id: `tag:${host},2026:feed:${scope.kind}:${value}`,
    title: `Heurist Mining Points: alerts for ${name}`,
    description: `GPUs going quiet or unavailable, bribe and stake changes, slashes and epochs for ${name}, as the portal's watches raised them.`,
    link: `${origin}${page}`,
    updated,
    generator: "Heurist Mining Points",
    feedLinks: { atom: `${origin}${self}` },
    author: { name: "Heurist Mining Points", link: origin },
  });
  for (const r of rows) {
    const at = r.resolved_at ?? r.opened_at;
    feed.addItem({
      id: `tag:${host},2026:alert:${r.kind}:${r.subject}:${r.fact}`,
      title: r.resolved_at && r.resolved_at.getTime() !== r.opened_at.getTime() ? `Resolved: ${r.title}` : r.title,
      // A tagged miner ID has its miner page; a bare address (a wallet, or its untagged GPU) the wallet page.
      link: `${origin}${r.subject.includes("-") ? `/miners/${r.subject}` : `/wallets/${r.subject}`}`,
      date: at,
      published: r.opened_at,
      description: summaryOf(r),
    });
  }
  return feed.atom1();
}
