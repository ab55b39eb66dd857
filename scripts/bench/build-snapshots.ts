// Reads never build a snapshot (the worker does, on its schedule): a benchmark that fills its
// database directly builds them once before measuring, with `npm run cli -- snapshots` (the same
// functions the worker runs), and prints how long each took.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export async function buildSnapshots(root: string, databaseUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const { stdout } = await execFileAsync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "snapshots"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    maxBuffer: 16 * 1024 * 1024,
  });
  for (const line of stdout.split("\n").filter(Boolean)) log(`  snapshot: ${line}`);
}
