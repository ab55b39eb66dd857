// The router's heartbeats, as the simulated network would send them: every minute, the miners
// online (polling for work) in that hour, whether or not a job came their way. Offline hours
// come from the same per-node outages that decide which nodes serve jobs.
import { signedHeaders } from "../../lib/signing";
import type { SimNetwork } from "./network";

const FIVE_MINUTES = 5 * 60_000;

export async function postHeartbeat(url: string, secret: string, at: Date, minerIds: readonly string[], signal?: AbortSignal): Promise<void> {
  const endpoint = new URL("/api/v1/heartbeats", url).toString();
  const body = JSON.stringify({ at: at.toISOString(), minerIds });
  const res = await fetch(endpoint, { method: "POST", headers: signedHeaders(secret, body), body, signal });
  if (!res.ok) throw new Error(`POST ${endpoint}: ${res.status} ${await res.text()}`);
}

/** The heartbeats of the last `hours` (at most 24, what the portal accepts), one per 5-minute bucket, 8 in flight. */
export async function backfillHeartbeats(network: Pick<SimNetwork, "onlineMiners">, url: string, secret: string, now: Date, hours = 24): Promise<number> {
  const end = Math.floor(now.getTime() / FIVE_MINUTES) * FIVE_MINUTES;
  const times: number[] = [];
  for (let t = end - Math.min(hours, 24) * 12 * FIVE_MINUTES + FIVE_MINUTES; t <= end; t += FIVE_MINUTES) times.push(t);
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (next < times.length) {
      const at = new Date(times[next++]!);
      const online = network.onlineMiners(at);
      if (online.length === 0) continue;
      await postHeartbeat(url, secret, at, online);
      sent++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return sent;
}
