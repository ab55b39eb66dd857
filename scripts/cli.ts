// `npm run cli -- <command>`: operator tools that work on the database directly (DATABASE_URL).
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../prisma/migrate";
import { settleDueEpochs, settleEpoch, type SettleResult } from "../lib/server/epochs/settle";
import { applyRescore } from "../lib/server/rescore/apply";
import { rescoreReport } from "../lib/server/rescore/rescore";
import { verifyIncremental } from "../lib/server/verify/incremental";
import { ingestFile } from "./cli/ingest";
import { importFile } from "./cli/import";
import { fold } from "./cli/fold";
import { HELP } from "./cli/help";
import { publish } from "./cli/publish";
import { snapshots } from "./cli/snapshots";
import { withPool } from "./cli/with-pool";
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { freePort } from "./lib/throwaway-postgres";

async function verify(databaseUrl: string, full: boolean): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    let last = 0;
    const report = await verifyIncremental(pool, {
      full,
      onProgress: (step, done) => {
        if (step !== "ledger") return process.stderr.write(`\r  checking ${step}…${" ".repeat(20)}`);
        if (done && done - last >= 50_000) process.stderr.write(`\r  re-pricing jobs: ${(last = done).toLocaleString("en-US")}`);
      },
    });
    process.stderr.write("\r" + " ".repeat(60) + "\r");
    const n = (x: bigint | number) => x.toLocaleString("en-US");
    const { reused, verified } = report;
    console.log(
      report.incremental
        ? `incremental: ${reused.epochs.length ? `epochs ${reused.epochs.join(", ")} (${n(reused.entries)} entries) from their digests` : "no epoch verified before"}; ` +
            `${verified.length ? `epochs ${verified.map((v) => v.epoch).join(", ")} (${n(verified.reduce((s, v) => s + v.entries, 0n))} entries) verified now` : "no newly closed epoch"}; ` +
            `${n(report.sinceLastClose)} entries since the last close\n`
        : `full (${report.fullBecause}): every job and entry read\n`,
    );
    let bad = 0;
    for (const r of report.results) {
      const mark = r.mismatches === 0 ? "ok  " : "FAIL";
      console.log(`${mark} ${r.name.padEnd(38)} ${r.checked.toLocaleString("en-US").padStart(12)} checked, ${r.mismatches.toLocaleString("en-US")} mismatch(es)`);
      for (const line of r.examples) console.log(`       ${line}`);
      bad += r.mismatches;
    }
    console.log(bad === 0 ? "\nverify: the ledger matches the jobs and every rollup matches the ledger." : `\nverify: ${bad} mismatch(es).`);
    return bad === 0 ? 0 : 1;
  } finally {
    await pool.end();
  }
}

const heu = (wei: bigint) => (Number(wei / 10n ** 12n) / 1e6).toLocaleString("en-US", { maximumFractionDigits: 2 });
const printSettled = (r: SettleResult) =>
  console.log(`epoch ${r.epoch}: ${r.miners} miner IDs, ${r.stakers} stakers; Waifu pool ${heu(r.waifuPoolWei)} HEU, Llama pool ${heu(r.llamaPoolWei)} HEU`);

function settle(databaseUrl: string, epoch: string | undefined): Promise<number> {
  return withPool("settle", databaseUrl, 2, async (pool) => {
    if (epoch !== undefined) {
      if (!/^\d+$/.test(epoch)) {
        console.error(`--epoch must be a whole number, got "${epoch}"`);
        return 2;
      }
      printSettled(await settleEpoch(pool, Number(epoch)));
    } else {
      const done = await settleDueEpochs(pool, new Date(), printSettled);
      if (done.length === 0) console.log("settle: no ended epoch is waiting.");
    }
    return 0;
  });
}

async function ingest(file: string | undefined, values: { url?: string; report?: string; restart?: boolean }): Promise<number> {
  if (!file) {
    console.error("ingest needs a file: npm run cli -- ingest jobs.jsonl");
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`ingest: ${file} does not exist`);
    return 2;
  }
  const secretFile = path.resolve(import.meta.dirname, "../.data/ingest-secret");
  const secret = process.env.INGEST_HMAC_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : undefined);
  if (!secret) {
    console.error("ingest: set INGEST_HMAC_SECRET (the portal's ingestion secret)");
    return 2;
  }
  const url = values.url ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  try {
    const s = await ingestFile({ file, url, secret, report: values.report, restart: values.restart });
    const rate = Math.round(((s.created + s.duplicates) / s.elapsedMs) * 1000);
    console.log(`\n${s.resumedFrom ? `Resumed after line ${s.resumedFrom.toLocaleString("en-US")}. ` : ""}${s.lines.toLocaleString("en-US")} lines read.`);
    console.log(`Created     ${s.created.toLocaleString("en-US")}`);
    console.log(`Duplicates  ${s.duplicates.toLocaleString("en-US")} (already ingested)`);
    console.log(`Rejected    ${s.rejected.toLocaleString("en-US")}${s.rejected ? ` (reasons in ${s.report})` : ""}`);
    console.log(`Elapsed     ${(s.elapsedMs / 1000).toFixed(1)} s, ${rate.toLocaleString("en-US")} jobs/s`);
    return 0;
  } catch (err) {
    console.error(`\ningest: ${err instanceof Error ? err.message : String(err)}\nRun the same command again to resume.`);
    return 1;
  }
}

async function importJobs(databaseUrl: string, file: string | undefined, values: { report?: string; restart?: boolean; chunk?: string; format?: string }): Promise<number> {
  if (!file) return 2; // checked before the database was opened
  const chunkSize = values.chunk === undefined ? undefined : Number(values.chunk);
  if (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize >= 1)) {
    console.error(`--chunk must be a whole number ≥ 1, got "${values.chunk}"`);
    return 2;
  }
  if (values.format !== undefined && values.format !== "jsonl" && values.format !== "csv") {
    console.error(`--format must be jsonl or csv, got "${values.format}"`);
    return 2;
  }
  // Ctrl-C: finish the chunk being written (its transaction commits with its progress), then stop.
  // A second Ctrl-C stops at once: the open transaction rolls back, and the next run resumes all the same.
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    process.stderr.write("\nStopping after the chunk being written (Ctrl-C again to stop now)…\n");
  };
  process.on("SIGINT", onSigint);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const s = await importFile(pool, {
      file,
      report: values.report,
      restart: values.restart,
      chunkSize,
      format: values.format as "jsonl" | "csv" | undefined,
      signal: stop.signal,
    });
    const n = (v: number) => v.toLocaleString("en-US");
    if (s.alreadyImported) {
      console.log(`${file} was imported to its end already: ${n(s.created)} created, ${n(s.duplicates)} duplicates, ${n(s.rejected)} rejected (${s.report}).`);
      console.log("Nothing read. --restart reads it again (its jobs then count as duplicates).");
      return 0;
    }
    const rate = Math.round(((s.run.created + s.run.duplicates) / s.elapsedMs) * 1000);
    console.log(
      `\n${s.resumedFromLine ? `Resumed after line ${n(s.resumedFromLine)}. ` : ""}${n(s.lines)} lines read${s.interrupted ? " (interrupted: run the same command again to resume)" : ""}.`,
    );
    console.log(`Created     ${n(s.created)}`);
    console.log(`Duplicates  ${n(s.duplicates)} (already in the database)`);
    console.log(`Rejected    ${n(s.rejected)}${s.rejected ? ` (reasons in ${s.report})` : ""}`);
    console.log(`Elapsed     ${(s.elapsedMs / 1000).toFixed(1)} s, ${n(rate)} jobs/s`);
    console.log("Rollups: the worker folds the new entries (without a worker: npm run cli -- fold).");
    return s.interrupted ? 130 : 0;
  } catch (err) {
    console.error(`\nimport: ${err instanceof Error ? err.message : String(err)}\nRun the same command again to resume.`);
    return 1;
  } finally {
    process.off("SIGINT", onSigint);
    await pool.end();
  }
}

const pts = (micro: bigint) => (Number(micro) / 1e6).toLocaleString("en-US", { maximumFractionDigits: 6, signDisplay: "exceptZero" });

async function rescore(databaseUrl: string, values: { schedule?: string; from?: string; to?: string; apply?: boolean; reason?: string }): Promise<number> {
  const from = new Date(values.from ?? "");
  const to = new Date(values.to ?? "");
  const scheduleId = values.schedule;
  if (!scheduleId || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    console.error("rescore needs --schedule <id> --from <ISO time> --to <ISO time>");
    return 2;
  }
  return withPool("rescore", databaseUrl, 1, async (pool) => {
    const r = await rescoreReport(pool, { scheduleId, from, to });
    console.log(`Re-pricing ${r.jobs.toLocaleString("en-US")} jobs from ${from.toISOString()} to ${to.toISOString()} under ${r.scheduleId} (dry run):`);
    console.log(`${r.changed.toLocaleString("en-US")} jobs would change: ${pts(r.waifuDeltaMicro)} Waifu, ${pts(r.llamaDeltaMicro)} Llama Points in total.\n`);
    if (r.miners.length) console.log("miner_id".padEnd(60) + "jobs changed".padStart(14) + "Waifu Δ".padStart(16) + "Llama Δ".padStart(16));
    for (const m of r.miners.slice(0, 50)) {
      console.log(m.minerId.padEnd(60) + `${m.changed}/${m.jobs}`.padStart(14) + pts(m.waifuDeltaMicro).padStart(16) + pts(m.llamaDeltaMicro).padStart(16));
    }
    if (r.miners.length > 50) console.log(`… and ${r.miners.length - 50} more miner IDs.`);
    if (values.apply) {
      const applied = await applyRescore(pool, r, { actor: `cli:${os.userInfo().username}`, reason: values.reason ?? "" });
      console.log(`\nApplied: ${applied.entries} adjustment entries in the open epoch (audit-log action ${applied.actionId}).`);
    } else if (r.changed > 0) {
      console.log('\nNothing written. Add --apply --reason "<why>" to record these changes as adjustments.');
    }
    return 0;
  });
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: "boolean", default: false },
      epoch: { type: "string" },
      url: { type: "string" },
      report: { type: "string" },
      restart: { type: "boolean", default: false },
      schedule: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      apply: { type: "boolean", default: false },
      reason: { type: "string" },
      chunk: { type: "string" },
      format: { type: "string" },
      full: { type: "boolean", default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  if (command === "ingest") return ingest(positionals[1], values);
  if (command === "import" && !(positionals[1] && existsSync(positionals[1]))) {
    console.error(positionals[1] ? `import: ${positionals[1]} does not exist` : "import needs a file: npm run cli -- import jobs.jsonl");
    return 2;
  }
  if (!["verify", "settle", "rescore", "snapshots", "fold", "import", "publish"].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  // Without DATABASE_URL: the launcher's embedded database, the running portal's or started here.
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  const dataDir = path.resolve(import.meta.dirname, "../.data/postgres");
  const passwordFile = path.resolve(import.meta.dirname, "../.data/postgres-password");
  if (!databaseUrl) {
    if (!existsSync(dataDir)) {
      console.error("DATABASE_URL is not set and there is no embedded database in .data/postgres (run `npm run portal` once).");
      return 2;
    }
    databaseUrl = runningEmbeddedUrl(dataDir, passwordFile) ?? undefined;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir, passwordFile, port: await freePort() });
      databaseUrl = embedded.url;
      await applyMigrations(databaseUrl); // as the launcher would on its next start
    }
  }
  try {
    if (command === "import") return await importJobs(databaseUrl, positionals[1], values);
    if (command === "rescore") return await rescore(databaseUrl, values);
    if (command === "fold") return await fold(databaseUrl);
    if (command === "publish") return await publish(databaseUrl, values.epoch);
    if (command === "snapshots") return (await fold(databaseUrl)) || (await snapshots(databaseUrl));
    return command === "verify" ? await verify(databaseUrl, values.full) : await settle(databaseUrl, values.epoch);
  } finally {
    await embedded?.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(await main());
