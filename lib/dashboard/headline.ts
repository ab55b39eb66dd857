// The headline numbers of a wallet or miner page as the page prints them, and the same numbers in
// the words a shared link previews with (og:title, og:description, the share image): one
// formatting, so a preview never reads differently from the page it links to.
import { formatCount, formatInt, formatPoints, shortId } from "@/lib/format";
import type { Availability24h } from "@/lib/schemas/activity";
import { isIdle } from "./fleet";

export interface HeadlinePoints {
  totalWaifuPoints: number;
  totalLlamaPoints: number;
  last24HrsWaifuPoints: number;
  last24HrsLlamaPoints: number;
}

/** The stat cards' figures: Waifu Points to one decimal, Llama Points to two, the 24 h sum to one. */
export function headlineFigures(p: HeadlinePoints) {
  return {
    waifu: formatPoints(p.totalWaifuPoints, 1),
    llama: formatPoints(p.totalLlamaPoints, 2),
    waifu24h: formatPoints(p.last24HrsWaifuPoints, 1),
    llama24h: formatPoints(p.last24HrsLlamaPoints, 2),
    total24h: formatPoints(p.last24HrsWaifuPoints + p.last24HrsLlamaPoints, 1),
  };
}

export interface WalletHeadline extends HeadlinePoints {
  address: string;
  gpuCount: number;
  /** GPUs online at no time in the last 24 hours (the GPU table's idle). */
  idleGpus: number;
  availability24h: Pick<Availability24h, "buckets">;
}

export interface MinerHeadline extends HeadlinePoints {
  minerId: string;
  hardware: string | null;
  availability24h: Pick<Availability24h, "buckets" | "onlineBuckets">;
}

export const walletTitle = (address: string) => `Wallet ${shortId(address)}`;
export const minerTitle = (minerId: string) => `Miner ${shortId(minerId)}`;

/** The wallet's GPUs stat: how many were online in the last 24 hours and how many idle. */
export function walletGpusOnline(w: Pick<WalletHeadline, "gpuCount" | "idleGpus" | "availability24h">): string {
  return w.availability24h.buckets === 0
    ? "availability not measured yet"
    : `${formatInt(w.gpuCount - w.idleGpus)} online in the last 24 h, ${formatInt(w.idleGpus)} idle (online at no time in 24 h)`;
}

/** "36 Waifu and 2 Llama Points"; a kind never earned is left out (a GPU serves one kind). */
function pointsPhrase(p: HeadlinePoints): string {
  const f = headlineFigures(p);
  const kinds = [p.totalWaifuPoints !== 0 ? `${f.waifu} Waifu` : null, p.totalLlamaPoints !== 0 ? `${f.llama} Llama` : null].filter((k) => k !== null);
  return kinds.length ? `${kinds.join(" and ")} Points` : "0 points";
}

function pointsSentences(p: HeadlinePoints): string {
  const f = headlineFigures(p);
  return `All time: ${pointsPhrase(p)}. Last 24 h: ${f.total24h} points (${f.waifu24h} Waifu + ${f.llama24h} Llama).`;
}

export interface ShareText {
  title: string;
  description: string;
}

/** "4 GPUs, 3 online in the last 24 h, 1 idle (online at no time in 24 h)" */
export const walletFleetText = (w: Pick<WalletHeadline, "gpuCount" | "idleGpus" | "availability24h">) => `${formatCount(w.gpuCount, "GPU")}, ${walletGpusOnline(w)}`;

/** "NVIDIA GeForce RTX 4090, online in the last 24 h": the page's badge, idle only when measured and online in no bucket. */
export const minerStateText = (m: Pick<MinerHeadline, "hardware" | "availability24h">) =>
  `${m.hardware ?? "Unknown GPU"}, ${isIdle(m.availability24h) ? "idle (online at no time in the last 24 h)" : "online in the last 24 h"}`;

export function walletShareText(w: WalletHeadline): ShareText {
  return { title: `${walletTitle(w.address)}: ${pointsPhrase(w)}`, description: `${pointsSentences(w)} ${walletFleetText(w)}.` };
}

export function minerShareText(m: MinerHeadline): ShareText {
  return { title: `${minerTitle(m.minerId)}: ${pointsPhrase(m)}`, description: `${pointsSentences(m)} ${minerStateText(m)}.` };
}
