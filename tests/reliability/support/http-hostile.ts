// A handful of hostile requests sent over real HTTP to the production server: the parts route
// handlers called directly never see (Next's routing and decoding, streamed bodies, raw bytes).
import { signBody, signedHeaders } from "@/lib/signing";

export interface HttpCase {
  name: string;
  send: (base: string) => Promise<Response>;
}

const JOB = {
  job_id: "http-hostile-1",
  miner_id: `0x${"ab".repeat(20)}-http`,
  model_id: "SDXL",
  status: "completed",
  completed_at: new Date(Date.now() - 3_600_000).toISOString(),
  inference_latency: 3,
  width: 1024,
  height: 1024,
  num_iterations: 20,
};
const BATCH = JSON.stringify({ jobs: [JOB] });

/** A body streamed in chunks without a Content-Length, so only the bytes themselves can tell its size. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

export function httpCases(secret: string, wallet: string): HttpCase[] {
  const post = (path: string, body: BodyInit, headers: Record<string, string>) => (base: string) =>
    fetch(`${base}${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  const get =
    (path: string, headers: Record<string, string> = {}) =>
    (base: string) =>
      fetch(`${base}${path}`, { headers });
  const stale = String(Math.floor(Date.now() / 1000) - 3600);
  const big = `{"jobs":[${JSON.stringify(JOB)}],"pad":"${"x".repeat(3 * 1024 * 1024)}"}`;
  return [
    { name: "unsigned batch", send: post("/api/v1/jobs", BATCH, { "content-type": "application/json" }) },
    { name: "stale signature", send: post("/api/v1/jobs", BATCH, { "content-type": "application/json", "x-timestamp": stale, "x-signature": signBody(secret, stale, BATCH) }) },
    { name: "3 MB body with its Content-Length", send: post("/api/v1/jobs", big, signedHeaders(secret, big)) },
    {
      name: "3 MB body streamed without a Content-Length",
      send: post("/api/v1/jobs", chunked(3 * 1024 * 1024), { ...signedHeaders(secret, ""), "content-type": "application/json" }),
    },
    { name: "text/plain batch", send: post("/api/v1/jobs", BATCH, { ...signedHeaders(secret, BATCH), "content-type": "text/plain" }) },
    { name: "signed broken JSON", send: post("/api/v1/jobs", '{"jobs":[', signedHeaders(secret, '{"jobs":[')) },
    {
      name: "signed body of invalid UTF-8",
      send: (base) => {
        const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0x80, 0x7d]);
        return post("/api/v1/jobs", bytes, signedHeaders(secret, bytes.toString("utf8")))(base);
      },
    },
    { name: "path traversal as a miner ID", send: get("/api/v1/miners/..%2F..%2Fetc%2Fpasswd") },
    { name: "NUL as a miner ID", send: get("/api/v1/miners/%00") },
    { name: "not an address", send: get("/api/v1/wallets/0xZZ") },
    { name: "NUL in a wallet search", send: get(`/api/v1/wallets/${wallet}?q=%00`) },
    { name: "invalid UTF-8 as a model", send: get("/api/v1/estimate?model=%FF%FE&width=1024&height=1024&steps=20") },
    { name: "negative page and a __proto__ parameter", send: get("/api/v1/leaderboard?page=-1&__proto__=x") },
    { name: "February 30th in a CSV range", send: get(`/api/v1/wallets/${wallet}/ledger.csv?from=2024-02-30`) },
    { name: "a year-long ledger CSV", send: get(`/api/v1/wallets/${wallet}/ledger.csv?from=2024-01-01&to=2024-12-31`) },
    {
      name: "malformed session cookie on an owner action",
      send: (base) =>
        fetch(`${base}/api/v1/wallets/${wallet}/boost-slots`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie: "heurist_session=%E0%A4%A" },
          body: '{"minerIds":[]}',
        }),
    },
    {
      name: "boost slots without a session",
      send: (base) => fetch(`${base}/api/v1/wallets/${wallet}/boost-slots`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"minerIds":[]}' }),
    },
    { name: "1 MB of garbage to sign-in", send: post("/api/v1/auth/verify", "\u0000".repeat(1024 * 1024), { "content-type": "application/json" }) },
  ];
}
