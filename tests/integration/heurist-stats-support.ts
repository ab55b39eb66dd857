// Helpers of heurist-stats*.test.ts: what the tools see, and /api/v1's settled epoch rewards.
import { expect } from "vitest";
import { GET as listEpochs } from "@/app/api/v1/epochs/route";
import { GET as epochRewards } from "@/app/api/v1/epochs/[epoch]/rewards/route";
import type { EpochRewards, EpochSummary } from "@/lib/schemas/epochs";

export const heuristRequest = (query: string) => new Request(`http://portal.test/prod/stats${query ? `?${query}` : ""}`);

/** The fields of one wallet's or miner ID's stats (minerId=), in Heurist's order: what the data collector reads. */
export const MINER_STATS_FIELDS = [
  "hardware",
  "status",
  "totalImageCount",
  "totalTextCount",
  "last24HrsImageCount",
  "last24HrsTextCount",
  "last24HrsAvailability",
  "totalLlamaPoints",
  "totalWaifuPoints",
  "s2CurrentEpochLlamaPoints",
  "s2CurrentEpochWaifuPoints",
  "s2CurrentEpochLlamaRewards",
  "s2CurrentEpochWaifuRewards",
  "s2Rewards",
] as const;

/** Each field's JSON type, as a tool written in JavaScript or Python sees it. */
export const toolTypes = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v]));

/** Floating sums of esHEU or points against /api/v1's figure: equal to 10⁻⁹ of it. */
export function expectClose(got: number, want: number, what: string): void {
  expect(Math.abs(got - want), `${what}: ${got} against ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
}

/** A wallet's GPU models as the compat API names them, from /api/v1's GPU table: most GPUs first, ties by name. */
export function hardwareList(items: { hardware: string | null }[]): string {
  const counts = new Map<string, number>();
  for (const m of items) counts.set(m.hardware ?? "unknown", (counts.get(m.hardware ?? "unknown") ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([name, n]) => `${name} ×${n}`)
    .join(", ");
}

const WEI = 10n ** 18n;
const weiOf = (heu: string) => {
  const [whole, frac = ""] = heu.split(".");
  return BigInt(whole!) * WEI + BigInt(frac.padEnd(18, "0"));
};

/**
 * Every settled epoch's pool shares of a wallet (or of one of its miner IDs) as /api/v1 reports
 * them: GET /api/v1/epochs for the settled epochs, then /api/v1/epochs/{n}/rewards?wallet= for each,
 * its asMiner rows' waifuTokens and llamaTokens summed exactly, in esHEU.
 */
export async function settledPoolTokens(wallet: string, minerId: string | null): Promise<Map<number, { waifu: number; llama: number }>> {
  const list: { items: EpochSummary[] } = await (await listEpochs(new Request("http://portal.test/api/v1/epochs"))).json();
  const out = new Map<number, { waifu: number; llama: number }>();
  for (const e of list.items.filter((e) => e.status === "settled")) {
    const res = await epochRewards(new Request(`http://portal.test/api/v1/epochs/${e.epoch}/rewards?wallet=${wallet}`), { params: Promise.resolve({ epoch: String(e.epoch) }) });
    const r: EpochRewards = await res.json();
    const rows = r.asMiner.filter((m) => minerId === null || m.minerId === minerId);
    if (rows.length === 0) continue;
    const sum = (pick: (m: (typeof rows)[number]) => string) => Number(rows.reduce((s, m) => s + weiOf(pick(m)), 0n)) / 1e18;
    out.set(e.epoch, { waifu: sum((m) => m.waifuTokens), llama: sum((m) => m.llamaTokens) });
  }
  return out;
}
