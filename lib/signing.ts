// The ingestion signature, shared by the server (to verify) and by clients: the simulator,
// benchmarks and tests (to sign). HMAC-SHA256 over "<x-timestamp>.<raw body>".
import { createHmac } from "node:crypto";

export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function signedHeaders(secret: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(nowSeconds);
  return { "content-type": "application/json", "x-timestamp": timestamp, "x-signature": signBody(secret, timestamp, body) };
}

/** Why a report's signature headers cannot be valid whatever its body, or null. Checked before any body is read. */
export function signatureHeadersProblem(timestamp: string | null | undefined, signature: string | null | undefined): string | null {
  if (!timestamp || !signature) return "Missing x-timestamp or x-signature header; sign the request with INGEST_HMAC_SECRET.";
  if (!/^\d{1,12}$/.test(timestamp)) return "x-timestamp must be unix seconds.";
  return null;
}
