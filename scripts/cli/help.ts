// `npm run cli -- --help`: every operator command, what it does and what it needs.
export const HELP = `Usage: npm run cli -- <command> [options]

Commands
  ingest <file.jsonl> [--url <portal>] [--report <file>] [--restart]
              bulk-import historical jobs (one JSON job per line, the fields of POST /api/v1/jobs)
              through the portal's ingestion API, priced exactly like the router's. Resumes after an
              interruption (progress in <file>.progress.json); rejected lines go to
              <file>.rejected.jsonl with their reasons. Needs INGEST_HMAC_SECRET (or the
              launcher's .data/ingest-secret) and a running portal (default http://127.0.0.1:3000).
  import <file.jsonl|file.csv> [--report <file>] [--restart] [--chunk <lines>] [--format jsonl|csv]
              bulk backfill of historical jobs (a season, a migration from another system) straight
              into the database: each job validated and priced exactly as the ingestion API does it
              (the NFTs, boost slots and stake in force when it completed), jobs and ledger entries
              written with COPY in chunks of 20,000 lines, one transaction each. JSONL: one job per
              line, the fields of POST /api/v1/jobs; CSV: a header row naming those fields. A job id
              already stored with the same content is a duplicate, with other content a rejection.
              Resumes after Ctrl-C or a crash exactly after the last committed chunk (progress is
              kept in the database, table imports); --restart reads the file again from the start.
              Rejected lines go to <file>.rejected.jsonl (or --report; a resumed run keeps its
              report) with their reasons, each once. Safe beside live ingestion, the worker and
              settlement; the worker folds the rollups (without one: fold).
  rescore --schedule <id> --from <time> --to <time> [--apply --reason "<why>"]
              dry run: what pricing the jobs completed in [from, to) under another schedule would
              change, per miner ID (each job keeps its NFT count, boost slot and stake). With
              --apply: writes the changes as adjustment entries in the open epoch, under one
              audit-log action (once per schedule and window).
  verify [--full]
              re-price every job from its stored shape and factors and compare with its ledger
              entry; recompute every rollup (per miner, wallet, GPU model, wallet × model, node
              totals, settlement buckets) from the ledger and compare. Prints every kind of mismatch
              with examples; exits 1 if there is any. Reads one consistent snapshot. Incremental:
              a closed epoch's entries are re-priced once, and a clean run keeps their digests
              (table verified_epochs), so the next run reads only what was written since. --full
              re-derives everything (also done when an append-only trigger is off).

  fold        add every pending rollup delta (what batches and corrections wrote, waiting for the
              worker's folder) to the node totals, the hourly and daily rollups and the settlement
              buckets now. Safe while a worker runs.

  snapshots   fold, then rebuild now what the worker rebuilds on a schedule: the staking market,
              the leaderboards, GPU throughput and the 24-hour anti-cheat scan (e.g. right after a
              bulk import, or before the worker's first pass). Safe while a worker runs.

  settle      settle every epoch that has ended (oldest first): pools to miners pro rata to points,
              bribes to stakers by time-weighted stake, esHEU grants. Settled epochs never change.
  settle --epoch <n>
              settle one epoch (the previous one must be settled).

  publish --epoch <n>
              post a settled epoch's reward root (its esHEU grants as a Merkle tree, one leaf per
              wallet) to the RewardDistributor and fund it with the epoch's HEU, as the operator.
              Needs OPERATOR_PRIVATE_KEY (the distributor's owner, holding the HEU), CHAIN_RPC_URL
              and the contract variables with REWARD_DISTRIBUTOR_ADDRESS. A root already published is
              left as it is. The worker does this itself when it has OPERATOR_PRIVATE_KEY.

Options
  --help      this text

Environment: DATABASE_URL for import, verify, settle, fold, snapshots and publish (without it they open the portal's embedded
database in .data/postgres, the running portal's or, when it is stopped, started here), INGEST_HMAC_SECRET and PORT for ingest.`;
