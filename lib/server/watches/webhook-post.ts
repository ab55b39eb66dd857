import "server-only";
import http from "node:http";
import https from "node:https";
import { isIPv6, type LookupFunction } from "node:net";
import { signBody } from "@/lib/signing";
import type { claimDueDeliveries } from "../generated/prisma/sql";
import { resolveWebhookTarget, type Resolver, type WebhookTarget } from "./webhook-target";

// One attempt to post a delivery (decision 0036): the URL checked and resolved again, the request
// pinned to the checked addresses, signed like ingestion, one deadline over all of it, redirects
// never followed, and only the start of the answer read.

export const WEBHOOK_USER_AGENT = "HeuristMiningPoints-Webhook/1";
/** Bytes of a receiver's answer read at most; the rest is never read. */
const READ_LIMIT = 4096;
/** Characters of a refusal's answer kept in the attempt log. */
const SNIPPET_CHARS = 200;

/** What a post needs of a claimed delivery (claimDueDeliveries.sql) and its watch. */
export type DeliveryToPost = Pick<claimDueDeliveries.Result, "id" | "event" | "body" | "url" | "secret">;

export interface AttemptOptions {
  now: Date;
  timeoutMs: number;
  allowPrivate: boolean;
  resolve?: Resolver;
  /** The worker stopping: the attempt is cut short (and counted as failed). */
  signal?: AbortSignal;
}

export interface AttemptResult {
  /** A 2xx answer. */
  ok: boolean;
  /** The receiver's HTTP status; null when none came. */
  status: number | null;
  /** Why it failed, for the attempt log and the owner (never the whole answer). */
  error: string | null;
  durationMs: number;
}

/** The headers a receiver checks: the signature is HMAC-SHA256 of "<x-heurist-timestamp>.<body>", as ingestion's. */
export function webhookHeaders(d: Pick<DeliveryToPost, "id" | "event" | "body" | "secret">, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    "content-type": "application/json",
    "user-agent": WEBHOOK_USER_AGENT,
    "x-heurist-delivery": d.id,
    "x-heurist-event": d.event,
    "x-heurist-timestamp": timestamp,
    "x-heurist-signature": signBody(d.secret, timestamp, d.body),
  };
}

/** Makes the connection use the checked addresses whatever DNS says by then (no rebinding between check and connect). */
function pinnedLookup(addresses: string[]): LookupFunction {
  const all = addresses.map((address) => ({ address, family: isIPv6(address) ? 6 : 4 }));
  return (_hostname, options, callback) => {
    if (options.all) callback(null, all);
    else callback(null, all[0]!.address, all[0]!.family);
  };
}

const printable = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, " ")
    .trim()
    .slice(0, SNIPPET_CHARS);

function request(target: WebhookTarget, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<{ status: number; snippet: string }> {
  const { url, addresses } = target;
  return new Promise((resolve, reject) => {
    const req = (url.protocol === "https:" ? https : http).request({
      method: "POST",
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(addresses),
      agent: false,
      signal,
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        res.destroy();
        resolve({ status, snippet: printable(Buffer.concat(chunks).subarray(0, READ_LIMIT).toString("utf8")) });
      };
      // The status is the answer: a 2xx is not read at all, and a body that never ends (or the
      // deadline) cuts only a refusal's snippet.
      if (status >= 200 && status < 300) return done();
      res.on("error", done);
      res.on("end", done);
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= READ_LIMIT) done();
      });
    });
    req.end(body);
  });
}

function failure(err: unknown, deadline: AbortSignal, timeoutMs: number): string {
  if (deadline.aborted) {
    const reason: unknown = deadline.reason;
    return reason instanceof DOMException && reason.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : "cut short: the worker is stopping";
  }
  const code = (err as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ENOTFOUND: "DNS: no such host",
    EAI_AGAIN: "DNS: no answer",
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED/.test(code)) return `TLS: ${code}`;
  return code ?? (err instanceof Error ? err.message : String(err)).slice(0, SNIPPET_CHARS);
}

/** Posts one delivery once. Never throws: every outcome is an AttemptResult for the log. */
export async function attemptDelivery(d: DeliveryToPost, opts: AttemptOptions): Promise<AttemptResult> {
  const started = performance.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException(`timed out after ${opts.timeoutMs} ms`, "TimeoutError")), opts.timeoutMs);
  const stop = () => deadline.abort(new DOMException("the worker is stopping", "AbortError"));
  opts.signal?.addEventListener("abort", stop, { once: true });
  if (opts.signal?.aborted) stop();
  const result = (ok: boolean, status: number | null, error: string | null): AttemptResult => ({ ok, status, error, durationMs: Math.round(performance.now() - started) });
  try {
    // DNS cannot be cancelled; the deadline stops the wait for it.
    const aborted = new Promise<never>((_, reject) => deadline.signal.addEventListener("abort", () => reject(deadline.signal.reason), { once: true }));
    aborted.catch(() => undefined);
    const target = await Promise.race([resolveWebhookTarget(d.url, { allowPrivate: opts.allowPrivate, resolve: opts.resolve }), aborted]);
    if ("problem" in target) return result(false, null, `refused: ${target.problem}`);
    const { status, snippet } = await request(target, webhookHeaders(d, opts.now), d.body, deadline.signal);
    if (status >= 200 && status < 300) return result(true, status, null);
    if (status >= 300 && status < 400) return result(false, status, `HTTP ${status}: redirects are not followed`);
    return result(false, status, `HTTP ${status}${snippet ? `: ${snippet}` : ""}`);
  } catch (err) {
    return result(false, null, failure(err, deadline.signal, opts.timeoutMs));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", stop);
  }
}
