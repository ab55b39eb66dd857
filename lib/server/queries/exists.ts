import "server-only";
import { readPool } from "../db";

// Existence checks by index, run before a page streams or an export starts, so an unknown ID
// answers 404 (not a 200 with an error inside).

export async function minerExists(minerId: string): Promise<boolean> {
  const { rowCount } = await readPool().query("SELECT 1 FROM nodes WHERE miner_id = $1", [minerId]);
  return (rowCount ?? 0) > 0;
}

/** A wallet has a page once one of its GPUs has reported a job (the API's 404 rule too). */
export async function walletExists(address: string): Promise<boolean> {
  const { rowCount } = await readPool().query("SELECT 1 FROM nodes WHERE wallet = $1 LIMIT 1", [address]);
  return (rowCount ?? 0) > 0;
}

/** An address has a staker page once it staked (even if all of it is unstaked since) or earned as a staker. */
export async function stakerExists(address: string): Promise<boolean> {
  const { rowCount } = await readPool().query(
    "SELECT 1 FROM stake_changes WHERE staker = $1 UNION ALL SELECT 1 FROM esheu_grants WHERE recipient = $1 AND role = 'staker' LIMIT 1",
    [address],
  );
  return (rowCount ?? 0) > 0;
}
