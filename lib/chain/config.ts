// Which chain the wallet should be on, decided at run time: the server answers GET /api/v1/chain
// (CHAIN_ID, CHAIN_PUBLIC_RPC_URL, contract addresses) and the browser builds its viem chain from
// that, so one build serves any deployment. Client-safe: no environment is read here.
import { defineChain, type Address, type Chain } from "viem";
import { anvil, mainnet, sepolia } from "viem/chains";

export interface PortalContracts {
  heu: Address;
  esHeu: Address;
  imaginaries: Address;
  stakingMarket: Address;
  rewardDistributor: Address | null;
}

/** The part of GET /api/v1/chain a wallet needs. */
export interface PortalChainConfig {
  chainId: number;
  rpcUrl: string;
  contracts: PortalContracts | null;
  confirmations: number;
}

const KNOWN: readonly Chain[] = [anvil, mainnet, sepolia];

/** A viem chain for the configured id, talking to the configured RPC (a known chain keeps its name and explorers). */
export function chainFor(config: Pick<PortalChainConfig, "chainId" | "rpcUrl">): Chain {
  const rpcUrls = { default: { http: [config.rpcUrl] } };
  const known = KNOWN.find((c) => c.id === config.chainId);
  if (known) return { ...known, rpcUrls };
  return defineChain({ id: config.chainId, name: `Chain ${config.chainId}`, nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls });
}

export const CHAIN_CONFIG_URL = "/api/v1/chain";

/** The wallet's part of an /api/v1/chain answer. */
export function portalChainConfigOf(status: {
  chainId: number;
  rpcUrl: string;
  contracts: { heu: string; esHeu: string; imaginaries: string; stakingMarket: string; rewardDistributor: string | null } | null;
  confirmations: number;
}): PortalChainConfig {
  return { chainId: status.chainId, rpcUrl: status.rpcUrl, contracts: status.contracts as PortalContracts | null, confirmations: status.confirmations };
}
