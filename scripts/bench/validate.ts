// `npm run bench:validate`: what validating one job costs on the ingestion path, the compiled
// validator (lib/server/ingest/job-validator.ts) against zod's jobSchema as the baseline of the same
// run, over the simulated network's jobs (valid ones: what the router sends). Five rounds each,
// alternating; prints each round and the medians.
import { parseArgs } from "node:util";
import { jobSchema } from "../../lib/schemas/jobs";
import { parseJobFast } from "../../lib/server/ingest/job-validator";
import { createNetwork } from "../simulator/network";
import { median } from "./measure";

const { values } = parseArgs({ options: { jobs: { type: "string", default: "200000" }, rounds: { type: "string", default: "5" } } });
const jobs = [...createNetwork().generateJobs({ count: Number(values.jobs), from: new Date("2024-09-02T00:00:00Z"), to: new Date("2024-09-09T00:00:00Z"), seed: 1 })];

function perJob(validate: (raw: unknown) => unknown): number {
  const started = performance.now();
  let ok = 0;
  for (const j of jobs) if (validate(j)) ok++;
  if (ok !== jobs.length) throw new Error(`${jobs.length - ok} valid jobs refused`);
  return ((performance.now() - started) * 1000) / jobs.length;
}

const zod: number[] = [];
const compiled: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  zod.push(perJob((j) => jobSchema.safeParse(j).success));
  compiled.push(perJob(parseJobFast));
  console.log(`round ${r + 1}: zod ${zod.at(-1)!.toFixed(2)} µs/job, compiled ${compiled.at(-1)!.toFixed(2)} µs/job`);
}
console.log(
  `\nmedian over ${jobs.length.toLocaleString("en-US")} jobs: zod ${median(zod).toFixed(2)} µs, compiled ${median(compiled).toFixed(2)} µs (${((100 * median(compiled)) / median(zod)).toFixed(0)} % of zod)`,
);
