import { Card } from "@/components/ui";
import type { GpuSpec } from "@/lib/gpu-catalog";
import { serveGroups } from "@/lib/estimator/explain";

/** Which model families the chosen GPU can serve, and why not the others. */
export function ServeList({ gpu, selectedModelId }: { gpu: GpuSpec; selectedModelId: string }) {
  const groups = serveGroups(gpu);
  return (
    <Card as="section" aria-labelledby="serve-heading" className="lg:col-start-1">
      <h2 id="serve-heading" className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
        What an {gpu.name} ({gpu.vramGb} GB) can serve
      </h2>
      <ul className="mt-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800/60">
        {groups.map((g) => {
          const selected = g.models.some((m) => m.id === selectedModelId);
          return (
            <li key={g.label} className="flex gap-3 py-2" aria-current={selected ? "true" : undefined}>
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                  g.compatibility.ok
                    ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300"
                    : "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400"
                }`}
              >
                {g.compatibility.ok ? "✓" : "✗"}
              </span>
              <div className="min-w-0">
                <p className={selected ? "font-semibold" : undefined}>
                  {g.label} <span className="font-normal text-zinc-500 dark:text-zinc-400">· needs {g.vramGb} GB</span>
                  <span className="sr-only">{g.compatibility.ok ? ": can serve" : ": cannot serve"}</span>
                </p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {g.compatibility.ok ? g.models.map((m) => m.label).join(", ") : `Not on this GPU: it ${g.compatibility.reason}.`}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
