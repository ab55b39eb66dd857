import { randomUUID } from "node:crypto";

/** What a caller's x-request-id may be to be kept: short, and nothing that could forge or flood a log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's x-request-id when it is a short safe token (a proxy's or the router's), else a new UUID. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  return typeof header === "string" && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
