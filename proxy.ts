// Every request passes here first: security headers and a per-request CSP nonce on pages; JSON
// 404 and 405 answers for API paths and methods that do not exist. Rate limits are applied
// earlier, by the front server (scripts/serve.ts), which alone knows the client's address.
import { NextResponse, type NextRequest } from "next/server";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { chainEnv } from "@/lib/env";
import { matchApiRoute } from "@/lib/http/api-routes";
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

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (malformedPath(pathname)) return jsonError(400, "bad_request", "The URL path is not valid percent-encoding.");
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const match = matchApiRoute(req.method, pathname);
    if (match.kind === "not_found") return jsonError(404, "not_found", `There is no API at ${pathname}; the API is described at /api/v1/openapi.json.`);
    if (match.kind === "method_not_allowed") {
      return jsonError(405, "method_not_allowed", `${req.method} is not supported here; use ${match.allow}.`, { allow: match.allow });
    }
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
    return res;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, connect, inlineScripts: [THEME_SCRIPT], dev: process.env.NODE_ENV !== "production" });
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
