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
