import "server-only";
import { Feed } from "feed";
import { serverEnv } from "@/lib/env";
import { readPrisma } from "../db";
import { alertFeedEntries } from "../generated/prisma/sql";

// Public Atom feeds of a wallet's or a miner's alerts (decision 0035), for feed readers and chat
// bots: what happened to the GPUs and nodes, never who watches them or where their webhooks go. The
// same fact raised by several watches (two people watching one node) is one entry.

const ENTRIES = 50;

/** A feed reader may poll every minute; the alerts change no faster than the worker evaluates. */
export const ATOM_HEADERS = { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } as const;

export type FeedScope = { kind: "wallet"; address: string } | { kind: "miner"; minerId: string };

/** An alert as the feed reads it: the schema's fields, and the fact that makes it one entry. */
type FeedRow = alertFeedEntries.Result;

/** A fact in words for the entry's summary: the alert's detail, keys as labels. */
function summaryOf(r: FeedRow): string {
  // The evaluator writes every alert's detail as a JSON object (evaluate.ts).
  const facts = Object.entries(r.detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k.replace(/([A-Z])/g, " $1").toLowerCase()}: ${String(v)}`);
  const state = r.resolvedAt === null ? "ongoing" : r.resolvedAt.getTime() === r.openedAt.getTime() ? null : `resolved ${r.resolvedAt.toISOString()}`;
  return [`${r.title}.`, ...(state ? [`State: ${state}.`] : []), ...facts.map((f) => `${f}.`)].join(" ");
}

export async function alertFeed(scope: FeedScope): Promise<string> {
  const origin = serverEnv().AUTH_ORIGIN;
  const [value, page, self] =
    scope.kind === "wallet"
      ? [scope.address, `/wallets/${scope.address}`, `/api/v1/wallets/${scope.address}/feed.atom`]
      : [scope.minerId, `/miners/${scope.minerId}`, `/api/v1/miners/${scope.minerId}/feed.atom`];
  const rows = await readPrisma().$queryRawTyped(alertFeedEntries(scope.kind === "wallet" ? value : null, scope.kind === "miner" ? value : null, ENTRIES));
  const name = scope.kind === "wallet" ? `wallet ${scope.address}` : `miner ${scope.minerId}`;
  const host = new URL(origin).host;
  const updated = rows[0] ? (rows[0].resolvedAt ?? rows[0].openedAt) : new Date(0);
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
    const at = r.resolvedAt ?? r.openedAt;
    feed.addItem({
      id: `tag:${host},2026:alert:${r.kind}:${r.subject}:${r.fact}`,
      title: r.resolvedAt && r.resolvedAt.getTime() !== r.openedAt.getTime() ? `Resolved: ${r.title}` : r.title,
      // A tagged miner ID has its miner page; a bare address (a wallet, or its untagged GPU) the wallet page.
      link: `${origin}${r.subject.includes("-") ? `/miners/${r.subject}` : `/wallets/${r.subject}`}`,
      date: at,
      published: r.openedAt,
      description: summaryOf(r),
    });
  }
  return feed.atom1();
}
