import "server-only";
import { log } from "@/lib/log";
import { purgeExpiredAuth } from "./siwe";

const state = globalThis as unknown as { heuristAuthPurge?: NodeJS.Timeout };

/** Deletes expired sign-in nonces and sessions every 10 minutes, so a flood of nonce requests leaves nothing behind. */
export function startAuthPurge(everyMs = 10 * 60_000): void {
  if (state.heuristAuthPurge) return;
  state.heuristAuthPurge = setInterval(() => {
    purgeExpiredAuth().catch((err: unknown) => log().error({ component: "auth", err }, "purge of expired nonces and sessions failed (will retry)"));
  }, everyMs).unref();
}
