// The Content-Security-Policy of every page: scripts only from this origin's Next.js runtime
// (a per-request nonce, trusted to load its chunks) plus the one inline theme script by hash;
// connections only to this origin, the chain's public RPC and WalletConnect; no framing.
import { createHash } from "node:crypto";

export interface CspOptions {
  nonce: string;
  /** Origins the browser may connect to besides this one (the chain's public RPC). */
  connect: readonly string[];
  /** Inline scripts allowed by hash. */
  inlineScripts: readonly string[];
  /** `next dev` needs eval for fast refresh. */
  dev?: boolean;
}

const WALLETCONNECT = [
  "https://*.walletconnect.com",
  "wss://*.walletconnect.com",
  "https://*.walletconnect.org",
  "wss://*.walletconnect.org",
  "https://*.reown.com",
  "wss://*.reown.com",
];

export function scriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source).digest("base64")}'`;
}

/** The origin of a URL, or null for anything that is not http(s)/ws(s). */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return /^(https?|wss?):$/.test(u.protocol) ? u.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(o: CspOptions): string {
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", ...o.inlineScripts.map(scriptHash), ...(o.dev ? ["'unsafe-eval'"] : [])]],
    // Tailwind and the chart library set inline styles.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...o.connect, ...WALLETCONNECT, ...(o.dev ? ["ws:"] : [])]],
    ["frame-src", ["https://verify.walletconnect.com", "https://verify.walletconnect.org"]],
    ["frame-ancestors", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["object-src", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

/** Headers every response carries. */
export const SECURITY_HEADERS: Record<string, string> = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "cross-origin-opener-policy": "same-origin-allow-popups",
};
