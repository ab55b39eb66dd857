// A local EVM chain (anvil from @foundry-rs/anvil, chain id 31337) for tests and the portal:
// started on a free port, ready once it answers eth_chainId, stopped with its process group.
import path from "node:path";
import { startBackground, stopGroup } from "./processes";
import { freePort } from "./throwaway-postgres";

export interface Anvil {
  rpcUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface AnvilOptions {
  port?: number;
  /** Seconds between blocks; without it every transaction is mined at once. */
  blockTime?: number;
  /** Funded accounts from the default test mnemonic (anvil's default is 10). */
  accounts?: number;
  /** Unix seconds of the genesis block (to replay history with past timestamps). */
  timestamp?: number;
  /** Give up if the chain does not answer within this many milliseconds. */
  timeoutMs?: number;
}

export const ANVIL_CHAIN_ID = 31337;
const anvilBin = path.resolve(import.meta.dirname, "../../node_modules/.bin/anvil");

async function chainId(rpcUrl: string): Promise<number | undefined> {
  try {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    const body = (await res.json()) as { result?: string };
    return body.result ? Number(body.result) : undefined;
  } catch {
    return undefined; // not listening yet
  }
}

export async function startAnvil(opts: AnvilOptions = {}): Promise<Anvil> {
  const port = opts.port ?? (await freePort());
  const args = ["--host", "127.0.0.1", "--port", String(port), "--chain-id", String(ANVIL_CHAIN_ID), "--silent"];
  if (opts.blockTime !== undefined) args.push("--block-time", String(opts.blockTime));
  if (opts.accounts !== undefined) args.push("--accounts", String(opts.accounts));
  if (opts.timestamp !== undefined) args.push("--timestamp", String(opts.timestamp));
  // The npm bin is a Node wrapper around the native binary: stopping the group stops both.
  const child = startBackground(anvilBin, args, { stdio: ["ignore", "ignore", "inherit"] });
  const killOnExit = () => stopGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    stopGroup(child);
    const timer = setTimeout(() => stopGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let spawnError: Error | undefined;
  child.once("error", (err) => (spawnError = err));
  while ((await chainId(rpcUrl)) !== ANVIL_CHAIN_ID) {
    if (spawnError || child.exitCode !== null || Date.now() > deadline) {
      await stop();
      const why = spawnError?.message ?? (child.exitCode !== null ? `exited with code ${child.exitCode}` : `did not answer within ${(opts.timeoutMs ?? 30_000) / 1000} s`);
      throw new Error(`anvil on port ${port} ${why}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { rpcUrl, port, stop };
}
