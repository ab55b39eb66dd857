// The ingestion secret for the simulator: the environment first, else the file the embedded
// portal writes at start-up, so `npm run simulate` works against it with no set-up.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SECRET_FILE = fileURLToPath(new URL("../../.data/ingest-secret", import.meta.url));

export function resolveIngestSecret(env: Record<string, string | undefined> = process.env, file = SECRET_FILE): string {
  const fromEnv = env.INGEST_HMAC_SECRET?.trim();
  if (fromEnv) return fromEnv;
  let fromFile: string;
  try {
    fromFile = readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`No ingestion secret: set INGEST_HMAC_SECRET to the portal's secret, or start the embedded portal (npm run portal), which writes it to ${file}.`);
  }
  if (!fromFile) throw new Error(`${file} is empty; set INGEST_HMAC_SECRET or restart the embedded portal.`);
  return fromFile;
}
