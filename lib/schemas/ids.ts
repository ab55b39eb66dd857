// Who a number belongs to: a wallet address and a miner ID (the wallet with an optional -tag), as
// every API, page and the ingestion contract read them. Lower-cased: one spelling per identity.
import { z } from "zod";

export const MINER_ID_PATTERN = /^(0x[a-fA-F0-9]{40})(-[A-Za-z0-9_]+)?$/;

export const minerIdSchema = z
  .string()
  .max(120, "miner_id is at most 120 characters")
  .regex(MINER_ID_PATTERN, "miner_id must be a wallet address (0x + 40 hex) with an optional -tag of letters, digits or _")
  .transform((s) => s.toLowerCase());

export const walletAddressSchema = z
  .string()
  .regex(/^0x[a-fA-F0-9]{40}$/, "address must be 0x followed by 40 hex characters")
  .transform((s) => s.toLowerCase());
