// Decides whether `next build` must run again: a build is reused only if no source file's content
// changed. Contents, not modification times: `prisma generate` and `npm install` rewrite files with
// the same bytes on every start, and a restart after a crash must not cost a rebuild.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function walk(root: string, rel: string, out: string[]): void {
  const p = path.join(root, rel);
  let st;
  try {
    st = statSync(p);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(root, path.join(rel, name), out);
  } else {
    out.push(`${rel}:${createHash("sha256").update(readFileSync(p)).digest("hex")}`);
  }
}

export function sourceFingerprint(root: string): string {
  const entries: string[] = [];
  for (const s of SOURCES) walk(root, s, entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}
