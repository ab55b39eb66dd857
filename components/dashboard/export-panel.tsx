import { Card } from "@/components/ui";
import { MAX_DAILY_DAYS, MAX_LEDGER_DAYS, MAX_WALLET_LEDGER_DAYS } from "@/lib/dashboard/export-range";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const inputClass = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:[color-scheme:dark]";
const buttonClass = "h-9 rounded-md border border-zinc-300 px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** A plain GET form to a CSV route: the browser downloads the file, no JavaScript involved. */
function RangeForm({ id, action, title, help, defaultDays, now }: { id: string; action: string; title: string; help: string; defaultDays: number; now: Date }) {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return (
    <form action={action} method="get" className="space-y-2" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
        {title}
      </h3>
      <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
        {help}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-xs text-zinc-700 dark:text-zinc-300">
          From (UTC)
          <input type="date" name="from" required defaultValue={isoDay(today - (defaultDays - 1) * DAY_MS)} className={inputClass} aria-describedby={`${id}-help`} />
        </label>
        <label className="flex flex-col text-xs text-zinc-700 dark:text-zinc-300">
          To (UTC)
          <input type="date" name="to" required defaultValue={isoDay(today)} max={isoDay(today)} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          Download CSV<span className="sr-only"> of {title.toLowerCase()}</span>
        </button>
      </div>
    </form>
  );
}

export function ExportPanel({ kind, id, now }: { kind: "miner" | "wallet"; id: string; now: Date }) {
  const base = kind === "miner" ? `/api/v1/miners/${encodeURIComponent(id)}` : `/api/v1/wallets/${id}`;
  return (
    <Card className="lazy-render [--lazy-h:16rem] grid gap-6 md:grid-cols-2">
      <RangeForm
        id={`${kind}-daily-export`}
        action={`${base}/daily.csv`}
        title="Daily points"
        help={`One row per UTC day: Waifu and Llama Points, jobs, on-time rate. Up to ${MAX_DAILY_DAYS} days.`}
        defaultDays={30}
        now={now}
      />
      <RangeForm
        id={`${kind}-ledger-export`}
        action={`${base}/ledger.csv`}
        title="Ledger entries"
        help={
          kind === "miner"
            ? `Every entry with every factor (base, multipliers, schedule, zero reason) and the job's shape. Up to ${MAX_LEDGER_DAYS} days per file.`
            : `Every entry of every GPU with every factor, GPU after GPU. Up to ${MAX_WALLET_LEDGER_DAYS} days per file; a GPU's own page exports up to ${MAX_LEDGER_DAYS}.`
        }
        defaultDays={7}
        now={now}
      />
    </Card>
  );
}
