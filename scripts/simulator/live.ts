// The live stream behind the embedded portal: every second, the jobs the network completed in
// that second, so "GPUs active now" and the last-24-h charts move while someone watches.
import { createNetwork, DEFAULT_NETWORK_SEED } from "./network";
import { backfillHeartbeats, postHeartbeat } from "./heartbeats";
import { postJobs, type PostSummary } from "./post-batches";

export interface LiveSimulationOptions {
  url: string;
  secret: string;
  ratePerSecond: number;
  scale?: number;
  /** Network seed: the default matches the CLI's history, so live jobs land on the same miners. */
  seed?: number;
  intervalMs?: number;
  /** Also send the router's heartbeats (the last day's at start, then every minute). */
  heartbeats?: boolean;
  onError?: (err: unknown) => void;
  onBatch?: (summary: PostSummary) => void;
}

export interface LiveSimulation {
  /** Stops the timer and waits for the request in flight, if any. */
  stop(): Promise<void>;
}

export function startLiveSimulation(opts: LiveSimulationOptions): LiveSimulation {
  if (!(opts.ratePerSecond >= 0 && Number.isFinite(opts.ratePerSecond))) throw new Error("ratePerSecond must be a finite number ≥ 0");
  const network = createNetwork({ scale: opts.scale, seed: opts.seed ?? DEFAULT_NETWORK_SEED });
  const intervalMs = opts.intervalMs ?? 1000;
  const onError = opts.onError ?? ((err: unknown) => console.error("[simulator] live batch failed:", err));
  // Owed jobs follow wall time, not tick count: a slow server or a stalled timer does not lower
  // the rate, and the cap keeps a long stall from turning into one huge burst.
  const maxOwed = Math.max(1, opts.ratePerSecond * 10);
  let owed = 0;
  let last = Date.now();
  let inFlight: Promise<void> | undefined;
  const abort = new AbortController();

  const tick = () => {
    const now = Date.now();
    owed = Math.min(maxOwed, owed + (opts.ratePerSecond * (now - last)) / 1000);
    last = now;
    if (inFlight) return;
    const n = Math.floor(owed);
    if (n === 0) return;
    owed -= n;
    const jobs = network.liveJobs(new Date(now), n);
    inFlight = postJobs({ url: opts.url, secret: opts.secret, jobs, concurrency: 1, maxRetries: 2, signal: abort.signal })
      .then((summary) => opts.onBatch?.(summary))
      .catch((err) => {
        if (!abort.signal.aborted) onError(err);
      })
      .finally(() => {
        inFlight = undefined;
      });
  };

  const timer = setInterval(tick, intervalMs);
  // The router's heartbeats: the last day's at start (availability needs a history), then every minute.
  const beat = () => {
    const online = network.onlineMiners(new Date());
    if (online.length) postHeartbeat(opts.url, opts.secret, new Date(), online, abort.signal).catch((err) => !abort.signal.aborted && onError(err));
  };
  if (opts.heartbeats) backfillHeartbeats(network, opts.url, opts.secret, new Date()).catch((err) => !abort.signal.aborted && onError(err));
  const heartbeatTimer = opts.heartbeats ? setInterval(beat, 60_000) : undefined;
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(heartbeatTimer);
      // Give a request in flight up to 5 s to finish, then abort it and any retry back-off.
      const pending = inFlight;
      if (pending) await Promise.race([pending, new Promise((r) => setTimeout(r, 5000).unref())]);
      abort.abort();
    },
  };
}
