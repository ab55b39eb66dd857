// What a webhook URL may be, without I/O (decision 0036): shared by the watch form's schema and the
// server, which also resolves the host (lib/server/watches/webhook-target.ts) and checks every
// address it resolves to with `addressProblem`.
import ipaddr from "ipaddr.js";

export const WEBHOOK_URL_MAX_LENGTH = 2048;

const RANGE_NAMES: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  uniqueLocal: "private (unique local)",
  deprecatedSiteLocal: "site-local",
  reserved: "reserved",
};

/**
 * Why a webhook may not be posted to `address` (an IP literal), as "a loopback address" (to follow
 * "<address> is"), or null. Only global unicast
 * addresses pass: an allow list, so a range ipaddr.js names later (or NAT64, 6to4 and Teredo forms,
 * which can carry a private IPv4 address) is refused rather than let through. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it maps to.
 */
export function addressProblem(address: string): string | null {
  const literal = address.replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(literal)) return "not an IP address";
  const ip = ipaddr.process(literal);
  const range = ip.range();
  if (range === "unicast") return null;
  return `a ${RANGE_NAMES[range] ?? `special-purpose (${range})`} address`;
}

/** An IP literal host as the URL parser leaves it (IPv6 in brackets; decimal and hex IPv4 already dotted), or null for a name. */
export function hostLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  return ipaddr.isValid(bare) ? bare : null;
}

/**
 * Parses a webhook URL, or says why it cannot be one: http(s) only, no user or password (they would
 * be sent to the receiver and shown in logs), at most 2048 characters, a host. Hosts that are IP
 * literals in any spelling (2130706433, 0x7f.1, [::ffff:7f00:1]) are normalised by the URL parser,
 * so `addressProblem` sees the address they mean.
 */
export function parseWebhookUrl(raw: string): { url: URL; problem?: undefined } | { url?: undefined; problem: string } {
  if (raw.length > WEBHOOK_URL_MAX_LENGTH) return { problem: `The webhook URL is longer than ${WEBHOOK_URL_MAX_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: "The webhook URL is not a valid URL." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: "The webhook URL must start with https:// or http://." };
  if (url.username || url.password) return { problem: "The webhook URL may not contain a user name or password; put a token in its path or query instead." };
  if (!url.hostname) return { problem: "The webhook URL has no host." };
  url.hash = "";
  return { url };
}

/** The syntax checks and, for an IP-literal host, the address check; a name's addresses are checked when it is resolved. */
export function webhookUrlSyntaxProblem(raw: string, { allowPrivate }: { allowPrivate: boolean }): string | null {
  const parsed = parseWebhookUrl(raw);
  if (parsed.problem !== undefined) return parsed.problem;
  const literal = hostLiteral(parsed.url.hostname);
  if (literal === null || allowPrivate) return null;
  const problem = addressProblem(literal);
  return problem && `The webhook URL's host ${literal} is ${problem}; webhooks go to public addresses only.`;
}
