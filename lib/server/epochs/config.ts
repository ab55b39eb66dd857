import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { WEIGHT_ONE_PPM } from "@/lib/rewards";
import { rewardConfigFor } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// The reward configuration (reward_configs): each row is in force from its effective epoch until
// the next one, so a settled epoch's pools and weights can be read back as they were.

const MICRO = 1_000_000n;

export interface PoolConfig {
  id: number;
  waifuBaseWei: bigint;
  llamaBaseWei: bigint;
  waifuWeiPerPoint: bigint;
  llamaWeiPerPoint: bigint;
  /** esHEU's weight against HEU in the bribe split, ppm. */
  esheuWeightPpm: number;
}

/** A pool: base emission plus the demand part for the points earned (micro-points). */
export function poolSize(baseWei: bigint, weiPerPoint: bigint, pointsMicro: bigint): bigint {
  return baseWei + (weiPerPoint * (pointsMicro > 0n ? pointsMicro : 0n)) / MICRO;
}

/** An epoch's two pools for the points earned in them; a pool nobody earned points in pays nothing. */
export function epochPools(config: PoolConfig, waifuPointsMicro: bigint, llamaPointsMicro: bigint): { waifuPoolWei: bigint; llamaPoolWei: bigint } {
  return {
    waifuPoolWei: waifuPointsMicro > 0n ? poolSize(config.waifuBaseWei, config.waifuWeiPerPoint, waifuPointsMicro) : 0n,
    llamaPoolWei: llamaPointsMicro > 0n ? poolSize(config.llamaBaseWei, config.llamaWeiPerPoint, llamaPointsMicro) : 0n,
  };
}

/**
 * Raw SQL on the caller's connection, not Prisma Client: settlement and the market snapshot read it
 * inside their own transactions, and pages on the read replica (decision 0039).
 */
export async function configFor(client: pg.PoolClient | pg.Pool, epoch: number): Promise<PoolConfig> {
  const [r] = await queryTyped(client, rewardConfigFor(epoch));
  if (!r) throw new AppError("conflict", `No reward configuration is in force for epoch ${epoch}.`);
  return { id: r.id, waifuBaseWei: BigInt(r.wb), llamaBaseWei: BigInt(r.lb), waifuWeiPerPoint: BigInt(r.wp), llamaWeiPerPoint: BigInt(r.lp), esheuWeightPpm: r.esheu_weight_ppm };
}

/** The esHEU weight (ppm) in force for `epoch`: weight 1 before any configuration (nothing is paid then). */
export async function esheuWeightPpmFor(client: pg.PoolClient | pg.Pool, epoch: number): Promise<number> {
  const config = await configFor(client, epoch).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  return config?.esheuWeightPpm ?? WEIGHT_ONE_PPM;
}
