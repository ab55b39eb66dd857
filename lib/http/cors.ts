// Who may read the API from another origin (issue 15 item 4, decision 0034). Public reads answer
// any origin (`Access-Control-Allow-Origin: *`, never with credentials: the browser sends no cookie
// and reads no answer that depends on one); a route that reads a session, a signature or an
// operator's token stays same-origin: its preflight is refused, and so is a request a browser
// marks as coming from another site. Pure: the request proxy and the front server both apply it.
import { API_ROUTES } from "./api-routes";

/** Routes only this site's own pages (or the job router, server to server) call, and why. */
export const SAME_ORIGIN_ROUTES: Readonly<Record<string, string>> = {
  "/api/v1/admin/actions": "an admin's session",
  "/api/v1/admin/flags": "an admin's session",
  "/api/v1/admin/slashes": "an admin's session",
  "/api/v1/admin/slashes/{id}/reverse": "an admin's session",
  "/api/v1/auth/logout": "the session cookie",
  "/api/v1/auth/nonce": "the sign-in flow",
  "/api/v1/auth/session": "the session cookie",
  "/api/v1/auth/verify": "the sign-in flow",
  "/api/v1/heartbeats": "the job router's signature",
  "/api/v1/jobs": "the job router's signature",
  "/api/v1/metrics": "the operator's scrape token",
  "/api/v1/wallets/{address}/boost-slots": "the owner's session",
  "/api/v1/wallets/{address}/watches": "the owner's session",
  "/api/v1/wallets/{address}/watches/{id}": "the owner's session",
  "/api/v1/wallets/{address}/watches/{id}/enable": "the owner's session",
  "/api/v1/wallets/{address}/watches/{id}/test": "the owner's session",
};

/** Every other route is read only (GET) and public; a test keeps it so. */
export const isCrossOriginRead = (template: string): boolean => !(template in SAME_ORIGIN_ROUTES) && template in API_ROUTES;

/** Headers on every answer of a public read, whatever the caller's origin. */
export const PUBLIC_READ_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  // What a script on another origin may read besides the CORS-safelisted headers.
  "access-control-expose-headers": "x-request-id, retry-after, content-disposition",
};

/** The answer to a preflight of a public read: GET and HEAD from anywhere, any request header, cached a day. */
export function preflightHeaders(requestedHeaders: string | null): Record<string, string> {
  return {
    ...PUBLIC_READ_HEADERS,
    "access-control-allow-methods": "GET, HEAD, OPTIONS",
    ...(requestedHeaders ? { "access-control-allow-headers": requestedHeaders.slice(0, 1000) } : {}),
    "access-control-max-age": "86400",
    vary: "access-control-request-headers",
  };
}

export interface RequestOrigin {
  method: string;
  /** The Origin header, if any. */
  origin: string | null;
  /** Sec-Fetch-Site, which browsers send on every request: same-origin, same-site, cross-site or none. */
  fetchSite: string | null;
  /** Access-Control-Request-Method: present on a preflight. */
  preflightMethod: string | null;
  /** This server's origins as the caller may know it (the request's own and the configured one). */
  ownOrigins: readonly string[];
}

export const isPreflight = (r: Pick<RequestOrigin, "method" | "preflightMethod" | "origin">) => r.method === "OPTIONS" && r.preflightMethod !== null && r.origin !== null;

/**
 * Whether a browser request to a same-origin route comes from another origin: Sec-Fetch-Site says
 * so where the browser sends it (a sibling subdomain is "same-site" and refused too), else an Origin
 * that is not ours. A caller with neither (curl, the job router) is not a browser on another site.
 */
export function isCrossOriginRequest(r: RequestOrigin): boolean {
  if (r.fetchSite === "cross-site" || r.fetchSite === "same-site") return true;
  if (r.fetchSite === "same-origin" || r.fetchSite === "none") return false;
  return r.origin !== null && !r.ownOrigins.includes(r.origin);
}
