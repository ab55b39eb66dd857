// Reuses the production build unless a source file changed since it was made.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceFingerprint } from "./build-fingerprint";
import { run } from "./processes";

export async function ensureBuild(root: string, distDir = process.env.NEXT_DIST_DIR || ".next"): Promise<void> {
  const stampFile = path.join(root, distDir, "portal-fingerprint");
  const fingerprint = sourceFingerprint(root);
  if (existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint) {
    console.log("• Reusing the production build (no source changed)");
    return;
  }
  console.log("• Building the portal (next build; about a minute on 2 cores)…");
  // An interrupted build must not keep the stamp of the build it was overwriting.
  rmSync(stampFile, { force: true });
  await run("npx", ["next", "build"], { cwd: root, env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(stampFile, fingerprint);
}

/** The web server (scripts/serve.ts) as a direct node child (not through npx), so its pid is the server's own. */
export function webServerArgs(root: string, port: number, host?: string): [string, string[]] {
  return [process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts"), "-p", String(port), ...(host ? ["-H", host] : [])]];
}
