// `npm run cli -- publish --epoch <n>`: posts a settled epoch's reward root to the RewardDistributor
// and funds it (decision 0030), as the operator (OPERATOR_PRIVATE_KEY) on the configured chain
// (CHAIN_RPC_URL, the contract variables with REWARD_DISTRIBUTOR_ADDRESS). The worker does the same
// on its own when it has the key.
import { formatEther } from "viem";
import { chainEnv, serverEnv } from "../../lib/env";
import { publishAsOperator } from "../../lib/server/epochs/publish-root";
import { withPool } from "./with-pool";

export async function publish(databaseUrl: string, epochArg: string | undefined): Promise<number> {
  const epoch = Number(epochArg);
  if (!epochArg || !Number.isInteger(epoch) || epoch < 0) {
    console.error("publish needs --epoch <n>, a settled epoch's number");
    return 2;
  }
  const chain = chainEnv();
  const { contracts } = chain;
  const key = serverEnv().OPERATOR_PRIVATE_KEY;
  if (!contracts?.rewardDistributor || !key) {
    console.error("publish needs REWARD_DISTRIBUTOR_ADDRESS (with the other contract variables and CHAIN_RPC_URL) and OPERATOR_PRIVATE_KEY");
    return 2;
  }
  return withPool("publish", databaseUrl, 1, async (pool) => {
    const r = await publishAsOperator(pool, epoch, { ...chain, contracts }, key);
    if (r.mintedWei > 0n) console.log(`Minted ${formatEther(r.mintedWei)} HEU to the operator first (local chain).`);
    console.log(
      r.tx ? `Epoch ${epoch}: root ${r.root} published with ${formatEther(r.totalWei)} HEU (tx ${r.tx}).` : `Epoch ${epoch}: root ${r.root} was already on chain; nothing sent.`,
    );
    return 0;
  });
}
