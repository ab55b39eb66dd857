// The one production build the reliability tests and the end-to-end tests run: `npm run test:all`
// makes it before either phase, and each still makes it when run alone. It is reused only while no
// source file changed since it was made (scripts/lib/build-fingerprint.ts), never a stale one.
import path from "node:path";
import { ensureBuild } from "../../scripts/lib/next-build";

export const TEST_BUILD_DIR = ".next-test";

const root = path.resolve(import.meta.dirname, "../..");

export function ensureTestBuild(): Promise<void> {
  return ensureBuild(root, TEST_BUILD_DIR);
}
