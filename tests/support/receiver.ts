// A webhook receiver on 127.0.0.1 (port 0) that records every request and answers as told: for the
// webhook integration tests and the alerts e2e spec (no test-runner imports here, so both can use it).
import http from "node:http";
import type { AddressInfo } from "node:net";

/** A status, an answer with headers and a body, or "hang": never answer. */
export type Answer = number | "hang" | { status: number; headers?: Record<string, string>; body?: string };

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  host: string;
  received: Received[];
  /** The next requests' answers, in order; after them, `otherwise` (200 unless set). */
  answer(...answers: Answer[]): void;
  otherwise(answer: Answer | ((r: Received) => Answer)): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const plan: Answer[] = [];
  let fallback: Answer | ((r: Received) => Answer) = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const a = plan.shift() ?? (typeof fallback === "function" ? fallback(r) : fallback);
      if (a === "hang") return;
      const { status, headers, body } = typeof a === "number" ? { status: a, headers: undefined, body: undefined } : a;
      res.writeHead(status, headers);
      res.end(body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    answer: (...answers) => void plan.push(...answers),
    otherwise: (a) => void (fallback = a),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
