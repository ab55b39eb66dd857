// Wallet and contract failures as sentences a staker can act on. The StakingMarket reverts with
// named custom errors (and the tokens with OpenZeppelin's ERC-20 errors); viem decodes them when
// the ABI it was given contains them, and this maps each name to a message.
import { BaseError, ContractFunctionRevertedError, formatUnits, UserRejectedRequestError } from "viem";

const heu = (wei: unknown) => `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(Number(formatUnits(BigInt(wei as bigint), 18)))}`;
const date = (unixSec: unknown) => new Date(Number(unixSec) * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";

const MESSAGES: Record<string, (args: readonly unknown[]) => string> = {
  ZeroAmount: () => "Enter an amount above zero.",
  InvalidMinerId: () => "That is not a valid miner ID (0x + 40 hex characters, optionally -tag).",
  InvalidToken: () => "Unknown token: stake HEU or esHEU.",
  InsufficientStake: ([available, requested]) => `You have ${heu(available)} staked there in this token; ${heu(requested)} was requested.`,
  NotOperator: ([caller, operator]) => `Only the node's operator (${String(operator)}) can set its bribe; your wallet is ${String(caller)}.`,
  BribeTooHigh: () => "A bribe is at most 100 % (10,000 basis points).",
  StillLocked: ([unlockAt]) => `Still locked: this HEU can be withdrawn from ${date(unlockAt)}.`,
  NotLockOwner: () => "This lock belongs to another wallet.",
  AlreadyWithdrawn: ([lockId]) => `Lock #${String(lockId)} was already withdrawn.`,
  UnknownLock: ([lockId]) => `There is no lock #${String(lockId)}.`,
  SameNode: () => "Pick a different node to move the stake to.",
  ERC20InsufficientAllowance: ([, allowance, needed]) => `The staking market may spend ${heu(allowance)} of your tokens; approve at least ${heu(needed)} first.`,
  ERC20InsufficientBalance: ([, balance, needed]) => `Your wallet holds ${heu(balance)}; ${heu(needed)} is needed.`,
  TransferNotAllowed: () => "esHEU can only move to or from the staking market until it vests.",
  // The reward distributor's.
  AlreadyClaimed: ([epoch]) => `Epoch ${String(epoch)} was already claimed by this wallet.`,
  UnknownEpoch: ([epoch]) => `Epoch ${String(epoch)}'s rewards are not published on chain yet.`,
  InvalidProof: ([epoch]) => `The proof for epoch ${String(epoch)} does not match its published root; reload the page.`,
  ExceedsEpochTotal: ([epoch]) => `Epoch ${String(epoch)}'s funds are exhausted; the operator has been told by its checks.`,
  NothingToClaim: () => "Nothing has vested yet.",
};

/** A one-line, human reason for a failed wallet request or transaction. */
export function describeTxError(err: unknown): string {
  if (err instanceof BaseError) {
    if (err.walk((e) => e instanceof UserRejectedRequestError)) return "You rejected the request in your wallet.";
    const revert = err.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      const name = revert.data?.errorName;
      const message = name ? MESSAGES[name] : undefined;
      if (message) return message(revert.data?.args ?? []);
      if (name) return `The contract refused: ${name}.`;
      if (revert.reason) return `The contract refused: ${revert.reason}.`;
      return "The contract refused the transaction.";
    }
    return err.shortMessage || firstLine(err.message);
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 4001) return "You rejected the request in your wallet.";
  return err instanceof Error ? firstLine(err.message) : "The transaction failed.";
}

const firstLine = (s: string) => s.split("\n")[0] ?? s;
