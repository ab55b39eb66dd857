// The web server and the worker check every setting they read before they start: a bad value
// stops the process (exit 2) with one fatal log line naming each bad variable, instead of failing
// the first page, API call or job that reads it.
import { execFile } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";
import { webServerArgs } from "../../scripts/lib/next-build";
import { freePort } from "../../scripts/lib/throwaway-postgres";

const root = path.resolve(import.meta.dirname, "../..");
// One bad value in each of three groups: the server's (epoch settlement), the chain's and the ops'.
const BAD = { WATCHES_EVALUATE_SECONDS: "0", CHAIN_RPC_URL: "not a url", READY_MAX_WORKER_SILENCE_SECONDS: "-5" };

function run(node: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(node, args, { cwd: root, env: { ...process.env, ...BAD }, timeout: 60_000 }, (_err, stdout, stderr) =>
      resolve({ code: child.exitCode, out: stdout + stderr }),
    );
  });
}

function fatalLine(out: string): string {
  const line = out
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { level: string; msg: string })
    .find((l) => l.level === "fatal");
  expect(line, out).toBeDefined();
  return line!.msg;
}

test.each([
  ["the web server", async () => webServerArgs(root, await freePort())],
  ["the worker", async () => [process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]] as const],
])("%s refuses to start on bad settings and names every bad one", async (_role, command) => {
  const [node, args] = await command();
  const { code, out } = await run(node, [...args]);
  expect(code).toBe(2);
  const msg = fatalLine(out);
  expect(msg).toMatch(/Invalid server environment:\n {2}WATCHES_EVALUATE_SECONDS: /);
  expect(msg).toMatch(/Invalid chain environment:\n {2}CHAIN_RPC_URL: CHAIN_RPC_URL must be a URL/);
  expect(msg).toMatch(/Invalid ops environment:\n {2}READY_MAX_WORKER_SILENCE_SECONDS: /);
});
