// One wallet whose every number the tests can compute by hand.
import type { JobInput } from "../lib/schemas/jobs";

export const E2E_SECRET = "e2e-secret-0123456789abcdef";
/** Anvil's first development account, so the injected test wallet can sign for it. */
export const KNOWN_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
export const KNOWN_WALLET = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
export const KNOWN_MINERS = [`${KNOWN_WALLET}-rig1`, `${KNOWN_WALLET}-rig2`, `${KNOWN_WALLET}-rig3`, `${KNOWN_WALLET}-rig4`] as const;

/** Anvil's second development account: the wallet whose owner signs in and moves a boost slot. */
export const OWNER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
export const OWNER_WALLET = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
export const OWNER_MINERS = ["a", "b", "c", "d"].map((t) => `${OWNER_WALLET}-${t}`) as [string, string, string, string];

const minutesBefore = (now: Date) => (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/** A completed SDXL 1024×1024@20 job on an RTX 4090: 6 points. */
const sdxlJob = (jobId: string, minerId: string, completedAt: string, over: Partial<JobInput> = {}): JobInput => ({
  job_id: jobId,
  miner_id: minerId,
  model_id: "SDXL",
  status: "completed",
  completed_at: completedAt,
  hardware: "NVIDIA GeForce RTX 4090",
  inference_latency: 4.5,
  width: 1024,
  height: 1024,
  num_iterations: 20,
  ...over,
});

/**
 * rig1: 4 SDXL 1024×1024@20 jobs (6 points each) over the last 3 hours; rig2: 2 hermes jobs of
 * 2,000 tokens (1 point each) and one timeout (0); rig3 and rig4 registered later with one SDXL job
 * each. Totals: 36 Waifu, 2 Llama, 9 jobs, 8 successes.
 */
export function knownJobs(now: Date): JobInput[] {
  const at = minutesBefore(now);
  const sdxl = (i: number, miner: string = KNOWN_MINERS[0], minutesAgo = 30 + i * 40) => sdxlJob(`e2e-sdxl-${i}`, miner, at(minutesAgo));
  const hermes = (i: number, status: JobInput["status"] = "completed"): JobInput => ({
    job_id: `e2e-llm-${i}`,
    miner_id: KNOWN_MINERS[1],
    model_id: "hermes-3-llama3.1-8b",
    status,
    completed_at: at(20 + i * 30),
    hardware: "NVIDIA A100 80GB PCIe",
    inference_latency: 9.5,
    input_tokens: 1200,
    output_tokens: 800,
  });
  return [
    sdxl(0),
    sdxl(1),
    sdxl(2),
    sdxl(3),
    hermes(0),
    hermes(1),
    hermes(2, "timeout"),
    sdxl(4, KNOWN_MINERS[2], 10),
    sdxl(5, KNOWN_MINERS[3], 5),
    ...OWNER_MINERS.map((m, i) => sdxl(10 + i, m, 60 - i * 10)),
  ];
}

/** A wallet of five RTX 4090s and an idle one, for the fleet table (issue 11): no spec counts its jobs but fleet.spec.ts. */
export const FLEET_WALLET = "0x00000000000000000000000000000000f1ee7001";
export const FLEET_MINERS = ["gpu_a", "gpu_b", "gpu_c", "gpu_d", "gpu_k", "gpu_z"].map((t) => `${FLEET_WALLET}-${t}`) as [string, string, string, string, string, string];
/** gpu_k: 7 SD 1.5 jobs at ×0.3 (1.8 each), 3 over the 18 s timeout (0), 2 SDXL (6): 24.6 points over 12 jobs. */
export const FLEET_WEAK = FLEET_MINERS[4];
export const FLEET_IDLE = FLEET_MINERS[5];
/** Online the whole last day (the router's heartbeats): every fleet GPU but the idle one. */
export const FLEET_ONLINE = FLEET_MINERS.slice(0, 5);

/** Siblings earn 6 points a job (3 SDXL 1024×1024@20 each); the weak one 2.05; the idle one's only job was two days ago. */
export function fleetJobs(now: Date): JobInput[] {
  const at = minutesBefore(now);
  const job = (i: number, miner: string, minutesAgo: number, over: Partial<JobInput> = {}) => sdxlJob(`e2e-fleet-${i}`, miner, at(minutesAgo), over);
  let i = 0;
  const siblings = FLEET_MINERS.slice(0, 4).flatMap((m, s) => [0, 1, 2].map((k) => job(i++, m, 20 + s * 7 + k * 50)));
  const weak = [
    ...Array.from({ length: 7 }, (_, k) => job(i++, FLEET_WEAK, 15 + k * 20, { model_id: "Aurora" })),
    ...Array.from({ length: 3 }, (_, k) => job(i++, FLEET_WEAK, 25 + k * 30, { inference_latency: 25 })),
    job(i++, FLEET_WEAK, 40),
    job(i++, FLEET_WEAK, 100),
  ];
  return [...siblings, ...weak, job(i++, FLEET_IDLE, 2 * 24 * 60)];
}
