// One anvil chain for the whole "chain" test project; test files deploy their own contracts on it
// and isolate tests with evm_snapshot / evm_revert.
import type { TestProject } from "vitest/node";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";

let anvil: Anvil | undefined;

export async function setup(project: TestProject) {
  anvil = await startAnvil();
  project.provide("rpcUrl", anvil.rpcUrl);
}

export async function teardown() {
  await anvil?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    rpcUrl: string;
  }
}
