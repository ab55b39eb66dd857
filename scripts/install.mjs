// `npm run portal` and `npm run test:all` start here: install exactly the committed lockfile with
// `npm ci` when node_modules is missing or was installed from another lockfile, and do nothing
// otherwise (so a second run starts at once). Plain Node: nothing is installed yet.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const lockHash = createHash("sha256")
  .update(readFileSync(path.join(root, "package-lock.json")))
  .digest("hex");
const stamp = path.join(root, "node_modules", ".installed-from-lockfile");

if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === lockHash) process.exit(0);
console.log("• Installing the committed lockfile (npm ci)");
const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
if (npm.status !== 0) process.exit(npm.status ?? 1);
writeFileSync(stamp, `${lockHash}\n`);
