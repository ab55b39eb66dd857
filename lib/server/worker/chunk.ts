import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { TaskContext } from "./task";

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

/**
 * Runs `pass` again and again for `ms` (a job's chunk) or until `signal` aborts: at once while a pass
 * says there is more to do, else after `pollMs` (cut short by the abort). Each pass gets the chunk's
 * signal and must commit its own work, so a chunk cut anywhere loses nothing.
 */
export async function passesFor(ctx: TaskContext, ms: number, pollMs: number, pass: (ctx: TaskContext) => Promise<boolean>): Promise<void> {
  await forAtMost(ctx.signal, ms, async (chunk) => {
    while (!chunk.aborted) {
      const more = await pass({ ...ctx, signal: chunk });
      if (!more) await sleep(pollMs, undefined, { signal: chunk }).catch(() => undefined);
    }
  });
}
