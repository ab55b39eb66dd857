// A stand-in for the portal in tests: checks each request's signature the way the server does
// and answers with whatever the test scripts (status codes, dropped connections, results).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { JobInput } from "../../lib/schemas/jobs";
import { signBody } from "../../lib/signing";

export interface Received {
  jobs: JobInput[];
  signatureValid: boolean;
  contentType: string | undefined;
}

export type Reply = (req: Received, n: number, res: ServerResponse) => void | Promise<void>;

export function okReply(req: Received, res: ServerResponse): void {
  const results = req.jobs.map((j) => ({ job_id: j.job_id, status: "created", pointType: j.width === undefined ? "llama" : "waifu", points: 1 }));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ accepted: results.length, duplicates: 0, results }));
}

export async function startTestServer(secret: string, reply: Reply = (req, _n, res) => okReply(req, res)) {
  const received: Received[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let body = "";
    for await (const chunk of req) body += chunk;
    const signature = signBody(secret, String(req.headers["x-timestamp"]), body);
    const entry: Received = { jobs: JSON.parse(body).jobs, signatureValid: req.headers["x-signature"] === signature, contentType: req.headers["content-type"] };
    received.push(entry);
    // Hold each request briefly so concurrent requests overlap.
    await new Promise((r) => setTimeout(r, 20));
    await reply(entry, received.length, res);
    inFlight--;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
