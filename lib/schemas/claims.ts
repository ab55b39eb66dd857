// GET /api/v1/wallets/{address}/claims: a wallet's esHEU per settled epoch as the reward
// distributor pays it (decision 0030): the amount, the Merkle proof a claim sends, and whether the
// epoch's root is published and the claim made, as the chain indexer last saw it.
import { z } from "zod";
import { isoDateTime } from "./query";

const hex32 = z.string().regex(/^0x[0-9a-f]{64}$/);
const address = z.string().regex(/^0x[0-9a-f]{40}$/);

export const CLAIM_STATUSES = ["unpublished", "claimable", "claimed", "mismatch"] as const;

export const walletClaimSchema = z.object({
  epoch: z.number().int(),
  amountWei: z.string().regex(/^\d+$/).describe("the leaf's amount in wei (what a claim sends)"),
  amount: z.string().describe("the same in HEU, exact decimals"),
  root: hex32.describe("the epoch's Merkle root as the portal built it"),
  proof: z.array(hex32).describe("the leaf's proof: claim(epoch, amountWei, proof)"),
  vestStart: isoDateTime.describe("the epoch's end: the claimed esHEU vests from here over a year, whenever it is claimed"),
  vestEnd: isoDateTime,
  status: z
    .enum(CLAIM_STATUSES)
    .describe(
      "unpublished: the root is not on chain yet; claimable; claimed (see claimedTx); mismatch: the root on chain is not the portal's, so this proof would not verify (the operator's cli verify reports it)",
    ),
  publishedTx: hex32.nullable(),
  claimedTx: hex32.nullable(),
  claimedAt: isoDateTime.nullable(),
  stakedInto: z.string().nullable().describe("the node a claim-and-stake put the esHEU into; null when claimed to the wallet"),
});

export const walletClaimsSchema = z.object({
  address,
  chainId: z.number().int(),
  distributor: address.nullable().describe("the RewardDistributor to call; null when none is configured (nothing is claimable on chain)"),
  indexedBlock: z.number().int().nullable().describe("statuses are as of this block (the chain indexer's last)"),
  indexedAt: isoDateTime.nullable(),
  claims: z.array(walletClaimSchema).describe("newest epoch first"),
});

export type WalletClaims = z.infer<typeof walletClaimsSchema>;
export type WalletClaim = z.infer<typeof walletClaimSchema>;
