// Which chain the wallet should be on. Client-safe: NEXT_PUBLIC_* values are inlined at build time.
import { defineChain, type Chain } from "viem";
import { anvil, mainnet } from "viem/chains";

const chainId = Number(process.env.NEXT_PUBLIC_CHAIN_ID ?? anvil.id);
const rpcUrl = process.env.NEXT_PUBLIC_RPC_URL ?? "http://127.0.0.1:8545";

function chainFor(id: number): Chain {
  if (id === anvil.id) return { ...anvil, rpcUrls: { default: { http: [rpcUrl] } } };
  if (id === mainnet.id) return mainnet;
  return defineChain({ id, name: `Chain ${id}`, nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
}

export const portalChain = chainFor(chainId);
