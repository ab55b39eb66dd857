// Helpers of the scale-out test: the batches' sending order, and a GET from a client of its own.
import { request } from "node:http";
import { Rng } from "../../../scripts/simulator/random";
import type { Batch } from "./crash-clients";

/** The batches in a shuffled order, so jobs of the ended epochs keep arriving after those epochs are settled. */
export function shuffled(batches: Batch[], seed: number): Batch[] {
  const rng = new Rng(seed);
  const out = [...batches];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A GET from loopback address `from` (a client of its own, as a distinct host would be). */
export function getFrom(from: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress: from, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer from ${url} within 15 s`)));
    req.on("error", reject);
    req.end();
  });
}
