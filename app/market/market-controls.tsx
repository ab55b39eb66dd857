import Form from "next/form";
import type { MarketParams } from "@/lib/market/params";

const field = "h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const labelClass = "mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300";
const check = "flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300";

/** A number the form sends as typed (empty: no filter). */
function NumberField({ id, name, label, min, max, value }: { id: string; name: string; label: string; min: number; max?: number; value: number | undefined }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} name={name} type="number" min={min} max={max} step="any" inputMode="decimal" defaultValue={value ?? ""} className={`${field} tabular-nums`} />
    </div>
  );
}

/**
 * Filters and the planned stake as one GET form: the URL holds the state (shareable, works without
 * JavaScript) and the same names as GET /api/v1/market's parameters.
 */
export function MarketControls({ params, gpus }: { params: MarketParams; gpus: string[] }) {
  return (
    <Form action="/market" aria-label="Filter nodes and estimate yield" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
      <div className="col-span-2 sm:col-span-3 lg:col-span-2">
        <label htmlFor="m-q" className={labelClass}>
          Miner ID or wallet (prefix)
        </label>
        <input id="m-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder="0x…" className={`${field} font-mono`} spellCheck={false} autoComplete="off" />
      </div>
      <NumberField id="m-stake" name="stake" label="Your stake (HEU)" min={1} value={params.stake} />
      <div>
        <label htmlFor="m-gpu" className={labelClass}>
          GPU
        </label>
        <select id="m-gpu" name="gpu" defaultValue={params.gpu ?? ""} className={field}>
          <option value="">All GPUs</option>
          {gpus.map((g) => (
            <option key={g} value={g}>
              {g.replace(/^NVIDIA (GeForce )?/, "")}
            </option>
          ))}
        </select>
      </div>
      <NumberField id="m-min-uptime" name="minUptime7d" label="Min. availability 7 d (%)" min={0} max={100} value={params.minUptime7d} />
      <NumberField id="m-min-bribe" name="minBribe" label="Min. bribe (%)" min={0} max={100} value={params.minBribe} />
      <NumberField id="m-max-stake" name="maxStake" label="Max. node stake (HEU)" min={0} value={params.maxStake} />
      <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-3 lg:col-span-4">
        <label className={check}>
          <input type="checkbox" name="noRecentCut" value="1" defaultChecked={params.noRecentCut === true} className="h-4 w-4" />
          No bribe cut in 30 days
        </label>
        <label className={check}>
          <input type="checkbox" name="new" value="1" defaultChecked={params.new === true} className="h-4 w-4" />
          New nodes only (under 14 days)
        </label>
        {params.sort !== "yield" ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.order ? <input type="hidden" name="order" value={params.order} /> : null}
        {params.compare.length ? <input type="hidden" name="compare" value={params.compare.join(",")} /> : null}
        <button
          type="submit"
          className="h-10 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Apply
        </button>
      </div>
    </Form>
  );
}
