// The NFT and stake rules of a schedule in words, generated from the schedule's own tables so the
// explanation cannot drift from what priced the jobs.
import type { RewardSchedule } from "@/lib/points";

const num = (n: number, digits = 2) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(n);
const mult = (ppm: number) => `×${num(ppm / 1_000_000, 4)}`;

/** "1 NFT ×1.1, 2 NFTs ×1.15, 3+ NFTs ×1.2" */
export function describeNftTable(schedule: Pick<RewardSchedule, "nftBoostPpm">): string {
  const rows = [...schedule.nftBoostPpm].sort((a, b) => a.minNfts - b.minNfts);
  return rows
    .map((row, i) => {
      const last = i === rows.length - 1;
      const label = `${row.minNfts}${last ? "+" : ""} NFT${row.minNfts === 1 && !last ? "" : "s"}`;
      return `${label} ${mult(row.ppm)}`;
    })
    .join(", ");
}

/** "×1 up to 10,000 stHEU, rising linearly to ×1.5 at 100,000 stHEU, flat above" */
export function describeStakeCurve(curve: RewardSchedule["stakeCurve"]): string {
  const [first, ...rest] = curve.points;
  if (!first) return "no stake multiplier";
  const below = curve.belowFirstPpm === 0 ? `inactive (×0) below ${num(first[0])} stHEU` : `${mult(curve.belowFirstPpm)} below ${num(first[0])} stHEU`;
  const parts = [below, `${mult(first[1])} at ${num(first[0])}`];
  for (const [stake, ppm] of rest) parts.push(`rising linearly to ${mult(ppm)} at ${num(stake)} stHEU`);
  return `${parts.join(", ")}, flat above`;
}
