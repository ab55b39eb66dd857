// Every request passes here first: security headers and a per-request CSP nonce on pages, and
// per-client rate limits on the public APIs (429 with Retry-After). Signed ingestion is exempt:
// the job router is authenticated and must never be throttled into losing reports.
import { NextResponse, type NextRequest } from "next/server";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { chainEnv, securityEnv } from "@/lib/env";
import { SECURITY_HEADERS, contentSecurityPolicy, originOf } from "@/lib/security/csp";
import { RateLimiter } from "@/lib/security/rate-limit";

const limits = securityEnv();
const apiLimiter = limits.RATE_LIMIT_PER_MINUTE > 0 ? new RateLimiter(limits.RATE_LIMIT_PER_MINUTE) : null;
const authLimiter = limits.RATE_LIMIT_AUTH_PER_MINUTE > 0 ? new RateLimiter(limits.RATE_LIMIT_AUTH_PER_MINUTE) : null;

function chainOrigins(): string[] {
  try {
    const origin = originOf(chainEnv().publicRpcUrl);
    return origin ? [origin] : [];
  } catch {
    return [];
  }
}
const connect = chainOrigins();

function clientOf(req: NextRequest): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "unknown";
}

function limited(req: NextRequest): NextResponse | null {
  const path = req.nextUrl.pathname;
  if (req.method === "POST" && path === "/api/v1/jobs") return null;
  const sensitive = path.startsWith("/api/v1/auth/") || path.startsWith("/api/v1/admin/");
  const limiter = sensitive ? authLimiter : apiLimiter;
  if (!limiter) return null;
  const decision = limiter.take(`${sensitive ? "auth" : "api"}:${clientOf(req)}`);
  if (decision.allowed) return null;
  return NextResponse.json(
    { error: { code: "rate_limited", message: `Too many requests; try again in ${decision.retryAfter} s.` } },
    { status: 429, headers: { "retry-after": String(decision.retryAfter), ...SECURITY_HEADERS } },
  );
}

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
  if (malformedPath(req.nextUrl.pathname)) {
    return NextResponse.json({ error: { code: "bad_request", message: "The URL path is not valid percent-encoding." } }, { status: 400, headers: SECURITY_HEADERS });
  }
  if (req.nextUrl.pathname.startsWith("/api/")) {
    const refused = limited(req);
    if (refused) return refused;
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
