// One wallet whose every number the tests can compute by hand.
import type { JobInput } from "../lib/schemas/jobs";

export const E2E_SECRET = "e2e-secret-0123456789abcdef";
export const KNOWN_WALLET = "0x00000000000000000000000000000000000e2e01";
export const KNOWN_MINERS = [`${KNOWN_WALLET}-rig1`, `${KNOWN_WALLET}-rig2`] as const;

/**
 * rig1: 4 SDXL 1024×1024@20 jobs (6 points each) over the last 3 hours; rig2: 2 hermes jobs of
 * 2,000 tokens (1 point each) and one timeout (0). Totals: 24 Waifu, 2 Llama, 7 jobs, 6 successes.
 */
export function knownJobs(now: Date): JobInput[] {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const sdxl = (i: number): JobInput => ({
    job_id: `e2e-sdxl-${i}`, miner_id: KNOWN_MINERS[0], model_id: "SDXL", status: "completed", completed_at: at(30 + i * 40),
    hardware: "NVIDIA GeForce RTX 4090", inference_latency: 4.5, width: 1024, height: 1024, num_iterations: 20,
  });
  const hermes = (i: number, status: JobInput["status"] = "completed"): JobInput => ({
    job_id: `e2e-llm-${i}`, miner_id: KNOWN_MINERS[1], model_id: "hermes-3-llama3.1-8b", status, completed_at: at(20 + i * 30),
    hardware: "NVIDIA A100 80GB PCIe", inference_latency: 9.5, input_tokens: 1200, output_tokens: 800,
  });
  return [sdxl(0), sdxl(1), sdxl(2), sdxl(3), hermes(0), hermes(1), hermes(2, "timeout")];
}
