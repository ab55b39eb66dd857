import "server-only";
import { AppError } from "@/lib/errors";
import { everyLabel } from "@/lib/snapshots/schedule";

/**
 * What a read API answers before the worker's first pass has built the snapshot it serves (a fresh
 * install): a 503 that says who computes it and when, never a computation on the read.
 */
export function snapshotPending(what: string, intervalSeconds: number, meanwhile = "Try again shortly."): AppError {
  return new AppError(
    "unavailable",
    `${what} has not been computed yet: the worker (npm run worker) builds it ${everyLabel(intervalSeconds)}, the first time right after it starts. ${meanwhile}`,
    { snapshot: what, intervalSeconds },
  );
}
