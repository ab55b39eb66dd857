// Every request passes here first: security headers and a per-request CSP nonce on pages; JSON
// 404 and 405 answers for API paths and methods that do not exist; CORS for the API (public reads
// from anywhere, the rest same-origin only). Rate limits are applied
// earlier, by the front server (scripts/serve.ts), which alone knows the client's address.
import { NextResponse, type NextRequest } from "next/server";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { chainEnv, runsInProduction, serverEnv } from "@/lib/env";
import { isApiPath, matchApiRoute } from "@/lib/http/api-routes";
import { PUBLIC_READ_HEADERS, isCrossOriginRead, isCrossOriginRequest, isPreflight, preflightHeaders } from "@/lib/http/cors";
import { SECURITY_HEADERS, contentSecurityPolicy, originOf } from "@/lib/security/csp";

function chainOrigins(): string[] {
  try {
    const origin = originOf(chainEnv().publicRpcUrl);
    return origin ? [origin] : [];
  } catch {
    return [];
  }
}
const connect = chainOrigins();

const jsonError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  NextResponse.json({ error: { code, message } }, { status, headers: { ...headers, ...SECURITY_HEADERS } });

/** Next.js cannot route a path that is not valid percent-encoding (it answers a plain-text 500). */
function malformedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/** This server's origins as a browser may know it: the request's own, and the configured sign-in origin. */
function ownOrigins(req: NextRequest): string[] {
  try {
    return [req.nextUrl.origin, serverEnv().AUTH_ORIGIN];
  } catch {
    return [req.nextUrl.origin];
  }
}

/**
 * CORS (decision 0034): a preflight of a public read is answered here; a preflight of a same-origin
 * route, or a browser's request to one from another site, is refused with a JSON 403 that carries
 * no CORS header (the calling page cannot read it either). Null: on to the route.
 */
function corsAnswer(req: NextRequest, template: string): NextResponse | null {
  const r = {
    method: req.method,
    origin: req.headers.get("origin"),
    fetchSite: req.headers.get("sec-fetch-site"),
    preflightMethod: req.headers.get("access-control-request-method"),
    ownOrigins: ownOrigins(req),
  };
  if (isCrossOriginRead(template)) {
    return isPreflight(r)
      ? new NextResponse(null, { status: 204, headers: { ...preflightHeaders(req.headers.get("access-control-request-headers")), ...SECURITY_HEADERS } })
      : null;
  }
  if (isPreflight(r) || isCrossOriginRequest(r)) {
    return jsonError(403, "forbidden", `${template} answers only this site's own pages; cross-origin requests to it are refused.`);
  }
  return null;
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (malformedPath(pathname)) return jsonError(400, "bad_request", "The URL path is not valid percent-encoding.");
  if (isApiPath(pathname)) {
    const match = matchApiRoute(req.method, pathname);
    if (match.kind === "not_found") return jsonError(404, "not_found", `There is no API at ${pathname}; the API is described at /api/v1/openapi.json.`);
    if (match.kind === "method_not_allowed") {
      const cors = isCrossOriginRead(match.template) ? PUBLIC_READ_HEADERS : {};
      return jsonError(405, "method_not_allowed", `${req.method} is not supported here; use ${match.allow}.`, { allow: match.allow, ...cors });
    }
    const cors = corsAnswer(req, match.template);
    if (cors) return cors;
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
    if (isCrossOriginRead(match.template)) for (const [k, v] of Object.entries(PUBLIC_READ_HEADERS)) res.headers.set(k, v);
    return res;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, connect, inlineScripts: [THEME_SCRIPT], dev: !runsInProduction() });
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Pages and APIs; not the static build output, which carries no user data.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
