import Form from "next/form";
import type { MarketParams } from "@/lib/market/params";

const field =
  "h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const labelClass = "mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300";

/** Filters and the yield inputs as one GET form: the URL holds the state, no JavaScript needed. */
export function MarketControls({ params, hardware }: { params: MarketParams; hardware: string[] }) {
  return (
    <Form action="/market" aria-label="Filter nodes and estimate yield" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 lg:items-end">
      <div className="col-span-2 sm:col-span-3 lg:col-span-2">
        <label htmlFor="m-q" className={labelClass}>
          Search node or wallet
        </label>
        <input id="m-q" name="q" type="search" defaultValue={params.q} placeholder="0x… or device tag" className={`${field} font-mono`} spellCheck={false} autoComplete="off" />
      </div>
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="m-hw" className={labelClass}>
          GPU
        </label>
        <select id="m-hw" name="hw" defaultValue={params.hardware} className={field}>
          <option value="">All GPUs</option>
          {hardware.map((h) => (
            <option key={h} value={h}>
              {h.replace(/^NVIDIA (GeForce )?/, "")}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="m-stake" className={labelClass}>
          Your stake (stHEU)
        </label>
        <input id="m-stake" name="stake" type="number" min={0} step="any" inputMode="decimal" defaultValue={params.stakeHeu} className={`${field} tabular-nums`} />
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-1">
        {params.sort !== "points" ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.node ? <input type="hidden" name="node" value={params.node} /> : null}
        <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" name="active" value="0" defaultChecked={!params.activeOnly} className="h-4 w-4" />
          Include idle nodes
        </label>
        <button type="submit" className="h-10 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">
          Apply
        </button>
      </div>
    </Form>
  );
}
