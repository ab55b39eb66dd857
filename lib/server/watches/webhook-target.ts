import "server-only";
import { lookup } from "node:dns/promises";
import { addressProblem, hostLiteral, parseWebhookUrl } from "@/lib/watches/webhook-url";

// Where a webhook may be posted (decision 0036). Checked when a watch is created and again before
// every attempt: a name's addresses can change after creation (DNS rebinding), so the deliverer
// connects only to the addresses it has just checked (webhook-post.ts pins them).

/** A host's addresses (injectable: tests resolve names of their own without a DNS server). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface WebhookTarget {
  url: URL;
  /** Every address the host resolved to, all checked; the request connects to these and no others. */
  addresses: string[];
}

export interface TargetOptions {
  /** WEBHOOK_ALLOW_PRIVATE: loopback and private receivers (the local launcher, tests). */
  allowPrivate: boolean;
  resolve?: Resolver;
}

/**
 * The URL parsed and its host resolved, every address checked, or why it may not be posted to.
 * A name with any refused address is refused whole: an attacker's DNS answer can mix a public
 * address with 127.0.0.1 and let the connection pick.
 */
export async function resolveWebhookTarget(raw: string, { allowPrivate, resolve = systemResolver }: TargetOptions): Promise<WebhookTarget | { problem: string }> {
  const parsed = parseWebhookUrl(raw);
  if (parsed.problem !== undefined) return { problem: parsed.problem };
  const { url } = parsed;
  const literal = hostLiteral(url.hostname);
  let addresses: string[];
  if (literal !== null) addresses = [literal];
  else {
    try {
      addresses = await resolve(url.hostname);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      return { problem: `${url.hostname} does not resolve (DNS: ${code}).` };
    }
    if (addresses.length === 0) return { problem: `${url.hostname} does not resolve (DNS: no addresses).` };
  }
  for (const address of allowPrivate ? [] : addresses) {
    const problem = addressProblem(address);
    if (problem) {
      const what = literal !== null ? `The webhook URL's host ${address} is ${problem}` : `${url.hostname} resolves to ${address}, ${problem}`;
      return { problem: `${what}; webhooks go to public addresses only.` };
    }
  }
  return { url, addresses };
}

/**
 * Why `url` cannot be a watch's webhook, or null: the checks of lib/watches/webhook-url.ts plus the
 * host's resolved addresses. For the watch API (at creation) and the deliverer (before each attempt).
 */
export async function webhookUrlProblem(url: string, options: TargetOptions): Promise<string | null> {
  const target = await resolveWebhookTarget(url, options);
  return "problem" in target ? target.problem : null;
}
