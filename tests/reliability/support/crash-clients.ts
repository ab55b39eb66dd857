// The job router's side of the crash and scale-out tests: concurrent clients that post signed batches
// and, when a request is cut or the server is down or answers 5xx, resend the very same batch
// (re-signed: the timestamp must be fresh) until it is acknowledged, or give it up to leave it
// unacknowledged. Each client asks `url` where to send, so a test can spread clients over servers and
// move a client whose server it could not reach.
import type { JobInput } from "@/lib/schemas/jobs";
import { signedHeaders } from "@/lib/signing";

export interface Batch {
  index: number;
  jobIds: string[];
  body: string;
}

export interface BatchRecord {
  batch: Batch;
  outcome: "acknowledged" | "abandoned" | "refused";
  attempts: number;
  /** The server (base URL) that answered the last attempt, or that the last attempt was sent to. */
  via: string;
  /** From the 200 answer: jobs created by this attempt, and jobs an earlier (cut) attempt had already written. */
  accepted: number;
  duplicates: number;
  /** The 4xx answer of a refused batch (never expected). */
  refusal?: string;
}

export class ClientStats {
  requests = 0;
  /** In flight when the server died (reset, closed, timed out): written or not, the client cannot know. */
  cut = 0;
  /** Connection refused: the server was down. */
  refused = 0;
  serverErrors = 0;
  inFlight = 0;
  acknowledged = 0;
  finished = false;
}

export function toBatches(jobs: readonly JobInput[], size: number): Batch[] {
  const batches: Batch[] = [];
  for (let i = 0; i * size < jobs.length; i++) {
    const slice = jobs.slice(i * size, (i + 1) * size);
    batches.push({ index: i, jobIds: slice.map((j) => j.job_id), body: JSON.stringify({ jobs: slice }) });
  }
  return batches;
}

function rootCode(err: unknown): string | undefined {
  let e = err as { code?: string; name?: string; cause?: unknown };
  while (e.cause && typeof e.cause === "object") e = e.cause as typeof e;
  return e.code ?? e.name;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2);

export interface ClientOptions {
  /** The server client number `client` sends its next request to. */
  url: (client: number) => string;
  /** Client `client` could not reach `url` (refused, or cut mid-request): e.g. send elsewhere from now on. */
  onUnreachable?: (client: number, url: string) => void;
  secret: string;
  batches: readonly Batch[];
  clients: number;
  /** Give up on this batch after a cut request (left unacknowledged, maybe written). */
  abandonAfterCut: (batch: Batch) => boolean;
  stats: ClientStats;
  signal: AbortSignal;
  /** Batches from position `at` on (in send order) wait until `open` settles: the rest of a run held back until a test's events have happened. */
  gate?: { at: number; open: Promise<void> };
}

async function postUntilDone(batch: Batch, client: number, o: ClientOptions): Promise<BatchRecord> {
  const { stats } = o;
  for (let attempt = 1; ; attempt++) {
    o.signal.throwIfAborted();
    const via = o.url(client);
    stats.requests++;
    stats.inFlight++;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${via}/api/v1/jobs`, {
        method: "POST",
        headers: signedHeaders(o.secret, batch.body),
        body: batch.body,
        signal: AbortSignal.any([o.signal, AbortSignal.timeout(60_000)]),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      o.signal.throwIfAborted();
      const refused = rootCode(err) === "ECONNREFUSED";
      if (refused) stats.refused++;
      else stats.cut++;
      o.onUnreachable?.(client, via);
      if (!refused && o.abandonAfterCut(batch)) return { batch, outcome: "abandoned", attempts: attempt, via, accepted: 0, duplicates: 0 };
      await sleep(backoff(attempt));
      continue;
    } finally {
      stats.inFlight--;
    }
    if (status === 200) {
      const result = JSON.parse(text) as { accepted: number; duplicates: number };
      stats.acknowledged++;
      return { batch, outcome: "acknowledged", attempts: attempt, via, accepted: result.accepted, duplicates: result.duplicates };
    }
    if (status < 500) return { batch, outcome: "refused", attempts: attempt, via, accepted: 0, duplicates: 0, refusal: `${status} ${text.slice(0, 300)}` };
    stats.serverErrors++;
    await sleep(backoff(attempt));
  }
}

/** Runs `clients` workers over the batches; resolves with one record per batch. */
export async function runClients(o: ClientOptions): Promise<BatchRecord[]> {
  const records: BatchRecord[] = [];
  let next = 0;
  const aborted = new Promise<never>((_, reject) => o.signal.addEventListener("abort", () => reject(o.signal.reason), { once: true }));
  aborted.catch(() => {});
  const worker = async (client: number) => {
    while (next < o.batches.length) {
      const at = next++;
      if (o.gate && at >= o.gate.at) await Promise.race([o.gate.open, aborted]);
      records.push(await postUntilDone(o.batches[at]!, client, o));
    }
  };
  try {
    await Promise.all(Array.from({ length: o.clients }, (_, client) => worker(client)));
  } finally {
    o.stats.finished = true;
  }
  return records.sort((a, b) => a.batch.index - b.batch.index);
}
