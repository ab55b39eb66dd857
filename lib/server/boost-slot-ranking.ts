import "server-only";
import type pg from "pg";
import { SLOTS_PER_NFT, assignBoostSlots } from "@/lib/points";
import { rankedNodes } from "./generated/prisma/sql";
import { queryTyped } from "./typed-pg";

// The boost-slot rule on stored data, in one place: the ingest pricing a job and the owner's page
// showing who holds a slot rank a wallet's GPUs the same way (decision 0039).

/**
 * Each wallet's earliest-registered GPUs (first seen, then miner ID), as many as its `nftCount`
 * gives slots: the default holders. One statement for many wallets. Raw SQL on the caller's
 * connection: the ingest runs it inside its transaction, under the wallet locks it took.
 */
export async function rankedMiners(db: pg.Pool | pg.ClientBase, nftCounts: ReadonlyMap<string, number>): Promise<Map<string, string[]>> {
  const wallets = [...nftCounts.keys()];
  const out = new Map<string, string[]>(wallets.map((w) => [w, []]));
  if (wallets.length === 0) return out;
  const rows = await queryTyped(db, rankedNodes(wallets, [...nftCounts.values()], SLOTS_PER_NFT));
  for (const row of rows) out.get(row.wallet)!.push(row.miner_id);
  return out;
}

/** An owner's choice of slot holders, in force from a time on. */
export interface AssignmentSet {
  effectiveFrom: number;
  minerIds: string[];
}

/** The choice in force at `at` (ms): the latest one effective by then; `sets` oldest first. */
export function assignmentInForce(sets: readonly AssignmentSet[], at: number): AssignmentSet | undefined {
  return sets.filter((s) => s.effectiveFrom <= at).at(-1);
}

/** Who holds a slot: the chosen IDs among the wallet's, then the earliest-registered others. */
export function slotHolders(ranked: readonly string[], nftCount: number, chosen: readonly string[]): Set<string> {
  return assignBoostSlots([...ranked, ...chosen], nftCount, chosen);
}
