import "server-only";

/**
 * Runs `fn` with a signal that aborts when `parent` does or `ms` from now, whichever comes first.
 * Not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: Node 20 may garbage-collect a timeout
 * signal held only by a composite before it fires (nodejs/node#57736), and the composite then never
 * aborts; a one-minute chain-index chunk ran until the worker's SIGTERM, five minutes later.
 */
export async function forAtMost<T>(parent: AbortSignal, ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException(`stopped after ${ms} ms`, "TimeoutError")), ms);
  try {
    return await fn(AbortSignal.any([parent, deadline.signal]));
  } finally {
    clearTimeout(timer);
  }
}
