import { EmptyState, Table, Td, Th, Tr } from "@/components/ui";
import { formatInt, formatPercent, formatPoints } from "@/lib/format";
import { zeroNote } from "@/lib/dashboard/zero-note";
import { scheduleAt } from "@/lib/points";
import type { ModelSplitRow } from "@/lib/server/queries/model-split";

/**
 * Jobs and points per model; the share compares models of the same point type only (Waifu and
 * Llama Points are different currencies). A dot marks the type: pink Waifu, cyan Llama.
 */
export function ModelSplit({ rows, span }: { rows: ModelSplitRow[] | null; span: number }) {
  if (rows === null) {
    return <EmptyState title="The per-model split is not available right now">The totals and charts above are complete; try again in a minute.</EmptyState>;
  }
  if (rows.length === 0) return <EmptyState title={`No jobs in the last ${span} days`}>Models appear here as soon as jobs are reported.</EmptyState>;
  const schedule = scheduleAt(new Date());
  const totals = { waifu: 0, llama: 0 };
  for (const r of rows) totals[r.pointType] += r.points;
  return (
    <>
      <p className="mb-2 flex gap-4 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full bg-waifu" />
          Waifu Points
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full bg-llama" />
          Llama Points
        </span>
      </p>
      <Table
        caption={`Jobs and points per model, last ${span} days`}
        captionHidden
        columns={["Model", { label: "Points", numeric: true }, { label: "Jobs", numeric: true }, "Share"]}
      >
        {rows.map((r) => {
          const share = totals[r.pointType] > 0 ? r.points / totals[r.pointType] : 0;
          return (
            <Tr key={`${r.modelId}-${r.pointType}`}>
              <Th scope="row">
                <span aria-hidden="true" className={`mr-2 inline-block h-2.5 w-2.5 rounded-full align-middle ${r.pointType === "waifu" ? "bg-waifu" : "bg-llama"}`} />
                <span className="font-mono">{r.modelId}</span>
                <span className="sr-only"> ({r.pointType === "waifu" ? "Waifu" : "Llama"} Points)</span>
              </Th>
              <Td numeric>
                {formatPoints(r.points, 2)}
                {r.points === 0 && r.jobs > 0 ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{zeroNote(r.modelId, schedule)}</span> : null}
              </Td>
              <Td numeric>{formatInt(r.jobs)}</Td>
              <Td className="whitespace-nowrap" title={`Share of all ${r.pointType === "waifu" ? "Waifu" : "Llama"} Points`}>
                {/* One element per bar: the filled part is a hard-stop gradient. */}
                <span
                  aria-hidden="true"
                  className="inline-block h-2 w-16 rounded-full bg-zinc-100 align-middle dark:bg-zinc-800"
                  style={{ backgroundImage: `linear-gradient(to right, var(--color-${r.pointType}) ${(share * 100).toFixed(1)}%, transparent 0)` }}
                />
                <span className="ml-2 inline-block w-12 text-right text-xs tabular-nums text-zinc-600 dark:text-zinc-400">{formatPercent(share)}</span>
              </Td>
            </Tr>
          );
        })}
      </Table>
    </>
  );
}
