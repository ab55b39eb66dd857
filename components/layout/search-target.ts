import { MINER_ID_PATTERN } from "@/lib/schemas/ids";

const WALLET_PATTERN = /^0x[a-fA-F0-9]{40}$/;

export type SearchTarget = { ok: true; href: string } | { ok: false; message: string };

/** Where a search for a miner ID or wallet address goes; a bare 0x address is a wallet. */
export function resolveSearch(raw: string): SearchTarget {
  const q = raw.trim();
  if (!q) return { ok: false, message: "Type a wallet address (0x…) or a miner ID (0x…-tag)." };
  if (WALLET_PATTERN.test(q)) return { ok: true, href: `/wallets/${q.toLowerCase()}` };
  if (q.length <= 120 && MINER_ID_PATTERN.test(q)) return { ok: true, href: `/miners/${encodeURIComponent(q.toLowerCase())}` };
  return {
    ok: false,
    message: "That is neither a wallet address (0x + 40 hex characters) nor a miner ID (a wallet address followed by -tag, e.g. 0xabc…-4090rig).",
  };
}
