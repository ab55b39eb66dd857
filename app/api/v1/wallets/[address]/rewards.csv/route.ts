import { csvLine, csvNumber, csvResponse, pullStream } from "@/lib/dashboard/csv";
import { walletParamsSchema } from "@/lib/schemas/wallets";
import { route } from "@/lib/server/http";
import { walletRewardHistory } from "@/lib/server/queries/epochs";
import { parseParams } from "@/lib/server/queries/parse-params";

/** A wallet's esHEU per settled epoch (one row per epoch; a wallet has one per week at most). */
export const GET = route(async (_req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  const history = await walletRewardHistory(address);
  let sent = false;
  const body = pullStream(async () => {
    if (sent) return null;
    sent = true;
    const rows = history.epochs.map((e) => csvLine([e.epoch, e.startsAt, csvNumber(e.asMiner), csvNumber(e.asStaker), csvNumber(e.total)]));
    return [csvLine(["epoch", "week_start", "esheu_as_miner", "esheu_as_staker", "esheu_total"]), ...rows].join("");
  });
  return csvResponse(body, `heurist-rewards-${address}.csv`);
});
