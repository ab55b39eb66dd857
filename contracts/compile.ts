// `npm run contracts:compile`: compile contracts/src and write contracts/artifacts/*.json and
// lib/chain/abi.ts. With --check, write nothing and exit 1 if those files are not up to date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderOutputs, repoRoot, staleOutputs } from "./solc-build";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const outputs = renderOutputs();

if (values.check) {
  const stale = staleOutputs(outputs);
  if (stale.length) {
    console.error(`Out of date (run npm run contracts:compile): ${stale.join(", ")}`);
    process.exit(1);
  }
  console.log("Contract artifacts and lib/chain/abi.ts are up to date.");
} else {
  const artifactsDir = path.join(repoRoot, "contracts/artifacts");
  mkdirSync(artifactsDir, { recursive: true });
  // Drop artifacts of contracts that no longer exist.
  for (const f of readdirSync(artifactsDir)) {
    if (!outputs.has(`contracts/artifacts/${f}`)) rmSync(path.join(artifactsDir, f));
  }
  for (const [rel, content] of outputs) writeFileSync(path.join(repoRoot, rel), content);
  console.log(`Wrote ${[...outputs.keys()].join(", ")}`);
}
