import { Badge } from "@/components/ui";
import type { NodeOptionText } from "@/lib/market/node-option";

/** A node's bribe (with a cut marker), availability over 7 days and yield, on one wrapping line. */
export function NodeFacts({ t }: { t: NodeOptionText }) {
  return (
    <span className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-zinc-700 dark:text-zinc-300">
      <span className="inline-flex items-center gap-1">
        Bribe <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{t.bribe}</strong>
        {t.cut ? (
          <Badge tone="danger" title={t.cutDetail ?? undefined}>
            {t.cut}
          </Badge>
        ) : null}
      </span>
      <span>Avail. 7 d {t.availability7d}</span>
      <span>Yield {t.hasYield ? <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{t.yield}</strong> : <span className="italic">{t.yield}</span>}</span>
    </span>
  );
}
