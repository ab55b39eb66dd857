// The production web server a benchmark measures through: a free port, rate limits off (the
// benchmark is the only client), answering its health check before the first timed request.
import type { ChildProcess } from "node:child_process";
import { webServerArgs } from "../lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../lib/processes";
import { freePort } from "../lib/throwaway-postgres";

export async function startBenchServer(root: string, env: Record<string, string>): Promise<{ base: string; server: ChildProcess }> {
  const port = await freePort();
  const [node, args] = webServerArgs(root, port);
  const server = startBackground(node, args, {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_DOMAIN: `127.0.0.1:${port}`,
      RATE_LIMIT_PER_MINUTE: "0",
      RATE_LIMIT_PAGES_PER_MINUTE: "0",
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/api/v1/health`, 60_000, server);
  } catch (err) {
    stopGroup(server);
    throw err;
  }
  return { base, server };
}
