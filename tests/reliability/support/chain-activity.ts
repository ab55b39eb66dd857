// On-chain activity for the indexer to follow while a test runs: rounds of a HEU stake, an esHEU
// stake, a move, an unstake, a bribe change and an NFT mint, each its own transaction and block, on
// four nodes of two operators by two stakers, until told to stop.
import type { Account, Address } from "viem";
import { anvilAccount, ESHEU_TOKEN, HEU_TOKEN, heu, type ChainActions } from "../../../scripts/lib/chain-actions";

const operators = [anvilAccount(3), anvilAccount(4)];
const stakers = [anvilAccount(1), anvilAccount(2)];
const holders = [anvilAccount(5), anvilAccount(6)];
const nodes = [0, 1, 2, 3].map((i) => `${operators[i % 2]!.address.toLowerCase()}-gpu${Math.floor(i / 2)}`);

/** What the activity may have changed: every node, staker and NFT holder it uses. */
export const TOUCHED = { nodes, stakers: stakers.map((a) => a.address), nftHolders: holders.map((a) => a.address) };

/** Funds and approves the stakers (HEU and esHEU for the StakingMarket). */
export async function fundStakers(act: ChainActions): Promise<void> {
  for (const staker of stakers) {
    await act.mintHeu(staker.address, heu(1_000_000));
    await act.grantEsHeu(staker.address, heu(500_000));
    await act.approveMarket(staker);
  }
}

/** One action of round `round` (step 0 to 5); within a round every step is valid whatever came before. */
async function step(act: ChainActions, round: number, n: number): Promise<void> {
  const staker: Account = stakers[round % 2]!;
  const node = nodes[round % 4]!;
  switch (n) {
    case 0:
      return void (await act.stake(staker, node, HEU_TOKEN, heu(100 + round)));
    case 1:
      return void (await act.stake(staker, node, ESHEU_TOKEN, heu(50 + round)));
    case 2:
      return void (await act.move(staker, node, nodes[(round + 1) % 4]!, HEU_TOKEN, heu(10)));
    case 3:
      return void (await act.unstake(staker, node, HEU_TOKEN, heu(5)));
    case 4:
      return void (await act.setBribe(operators[round % 2]!, node, 100 + (round % 20) * 50));
    default:
      return void (await act.mintNft(holders[round % 2]!.address as Address));
  }
}

/** Runs actions, `pauseMs` apart, until `stop()` is true; resolves with the number of transactions sent. */
export async function runChainActivity(act: ChainActions, stop: () => boolean, pauseMs = 100): Promise<number> {
  let sent = 0;
  while (!stop()) {
    await step(act, Math.floor(sent / 6), sent % 6);
    sent++;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return sent;
}
