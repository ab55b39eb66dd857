import "server-only";
import { purgeExpiredAuth } from "./siwe";

const state = globalThis as unknown as { heuristAuthPurge?: NodeJS.Timeout };

/** Deletes expired sign-in nonces and sessions every 10 minutes, so a flood of nonce requests leaves nothing behind. */
export function startAuthPurge(everyMs = 10 * 60_000): void {
  if (state.heuristAuthPurge) return;
  state.heuristAuthPurge = setInterval(() => {
    purgeExpiredAuth().catch((err: unknown) => console.error(`[auth] purge failed (will retry): ${err instanceof Error ? err.message : String(err)}`));
  }, everyMs).unref();
}
