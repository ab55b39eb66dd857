// A restart with no source change reuses the build (issue 9: every restart rebuilt, 1–2 minutes of
// downtime after a crash, because files rewritten with the same bytes changed the fingerprint).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { sourceFingerprint } from "./build-fingerprint";

const root = mkdtempSync(path.join(os.tmpdir(), "heurist-fingerprint-"));
mkdirSync(path.join(root, "lib/server/generated"), { recursive: true });
const write = (rel: string, content: string) => writeFileSync(path.join(root, rel), content);
write("lib/server/generated/client.ts", "export const generated = 1;\n");
write("package-lock.json", "{}\n");
write("proxy.ts", "export const proxy = 1;\n");

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("files rewritten with the same bytes (prisma generate, npm install) keep the fingerprint", () => {
  const before = sourceFingerprint(root);
  write("lib/server/generated/client.ts", "export const generated = 1;\n");
  write("package-lock.json", "{}\n");
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(root, "proxy.ts"), later, later);
  expect(sourceFingerprint(root)).toBe(before);
});

test("a changed source file, including proxy.ts, changes it", () => {
  const before = sourceFingerprint(root);
  write("proxy.ts", "export const proxy = 2;\n");
  expect(sourceFingerprint(root)).not.toBe(before);
});
