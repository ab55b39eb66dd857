// The contract events the portal follows, decoded into plain values (addresses and miner IDs
// lowercased). The indexer builds them from logs; tests and fixtures can build them by hand and
// go through the same `applyChainLogs`.

export type ChainEventData =
  | { name: "Staked"; minerId: string; staker: string; token: number; amount: bigint }
  | { name: "Unstaked"; minerId: string; staker: string; token: number; amount: bigint; lockId: bigint; unlockAt: bigint }
  | { name: "Withdrawn"; lockId: bigint; staker: string; amount: bigint }
  | { name: "StakeMoved"; fromMinerId: string; toMinerId: string; staker: string; token: number; amount: bigint }
  | { name: "BribeSet"; minerId: string; operator: string; bps: number; effectiveEpoch: bigint; effectiveAt: bigint }
  | { name: "Transfer"; from: string; to: string; tokenId: bigint }
  | { name: "Granted"; account: string; grantId: bigint; amount: bigint; start: bigint; end: bigint }
  | { name: "Claimed"; account: string; amount: bigint }
  // The reward distributor's (its `Claimed` is renamed: esHEU has one too).
  | { name: "RootPublished"; epoch: number; root: string; total: bigint; vestStart: bigint }
  | { name: "RewardClaimed"; epoch: number; account: string; amount: bigint; minerId: string };

export interface ChainLog {
  blockNumber: bigint;
  logIndex: number;
  blockHash: string;
  txHash: string;
  blockTime: Date;
  /** Emitting contract, lowercased. */
  contract: string;
  event: ChainEventData;
}

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/** Token ids in the StakingMarket events. */
export const TOKEN_HEU = 0;
export const TOKEN_ESHEU = 1;

/** Event args as JSON (bigints as decimal strings) for the raw `chain_events` record. */
export function eventJson(event: ChainEventData): Record<string, string | number> {
  return Object.fromEntries(Object.entries(event).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v]));
}
