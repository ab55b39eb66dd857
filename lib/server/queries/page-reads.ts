import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import type { MinerResponse } from "@/lib/schemas/miners";
import type { WalletQuery, WalletResponse } from "@/lib/schemas/wallets";
import { getMinerOrThrow } from "./miner";
import { getWalletOrThrow } from "./wallet";

// A wallet or miner page and its generateMetadata (what a shared link previews) read the same
// numbers once per request: React's cache() keeps a call's promise for the rest of the request,
// keyed on its arguments by identity, so the keys are strings and numbers (the table state as JSON).

/** The request's clock: one reading for the page, its metadata and their reads. */
export const requestNow = cache(() => new Date());

function nullIfUnknown(err: unknown): null {
  if (err instanceof AppError && err.code === "not_found") return null;
  throw err;
}

const walletByKey = cache((address: string, query: string): Promise<WalletResponse | null> =>
  getWalletOrThrow(address, JSON.parse(query) as WalletQuery, requestNow()).catch(nullIfUnknown),
);

/** The wallet page's read; null when no GPU of the wallet has reported a job (a staker only). */
export const walletForPage = (address: string, query: WalletQuery) => walletByKey(address, JSON.stringify(query));

/** The miner page's read over `days` of daily points; null for a miner ID that never reported a job. */
export const minerForPage = cache((minerId: string, days: number): Promise<MinerResponse | null> => getMinerOrThrow(minerId, { days }, requestNow()).catch(nullIfUnknown));
