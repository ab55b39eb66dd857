"use client";

import { useEffect, useMemo, useState } from "react";
import { GPU_CATALOG, findGpu } from "@/lib/gpu-catalog";
import { computeEstimate } from "@/lib/estimator/estimate";
import { modelOptionText } from "@/lib/estimator/explain";
import { IMAGE_PRESETS, formToQuery, inputAttributes, parseForm, type EstimatorForm as Form, type Field, type NumberField as NumberKey } from "@/lib/estimator/params";
import type { EstimatorTokenRate, NetworkThroughput } from "@/lib/estimator/types";
import { MODELS, SCHEDULES, findModel, getScheduleOrThrow } from "@/lib/points";
import { EstimateResults } from "./estimate-results";
import { Fieldset, NumberField, SelectField } from "./fields";
import { MobileSummary } from "./mobile-summary";
import { ServeList } from "./serve-list";

const URL_DEBOUNCE_MS = 300;

function scheduleOptionText(id: string, currentId: string): string {
  const schedule = getScheduleOrThrow(id);
  if (!schedule.inForceByDate) return `${id} (preview of mainnet rules)`;
  return id === currentId ? `${id} (in force now)` : `${id} (from ${schedule.effectiveFrom.slice(0, 10)})`;
}

const MODEL_GROUPS = [
  { kind: "image", label: "Image models (Waifu Points)" },
  { kind: "llm", label: "Language models (Llama Points)" },
] as const;

export function EstimatorForm(props: { initialForm: Form; currentScheduleId: string; network: NetworkThroughput; tokenRate: EstimatorTokenRate | null }) {
  const { initialForm, currentScheduleId, network, tokenRate } = props;
  const [form, setForm] = useState(initialForm);
  const set = (field: Field) => (value: string) => setForm((prev) => ({ ...prev, [field]: value }));

  // The URL follows the form so an estimate can be shared. history.replaceState (which Next's
  // router observes) rather than router.replace: no server round trip, no history entry per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      const url = `${window.location.pathname}?${formToQuery(form)}`;
      if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", url);
    }, URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [form]);

  const parsed = useMemo(() => parseForm(form), [form]);
  const estimate = useMemo(() => (parsed.ok ? computeEstimate(parsed.input, network, tokenRate) : null), [parsed, network, tokenRate]);
  const errors: Partial<Record<Field, string>> = parsed.ok ? {} : parsed.errors;
  // A control's id, value, change handler and error, bound to one field of the form.
  const bind = (field: Field) => ({ id: field, value: form[field], onChange: set(field), error: errors[field] });
  const bindNumber = (field: NumberKey) => ({ ...bind(field), ...inputAttributes(field) });
  const gpu = findGpu(form.gpu) ?? GPU_CATALOG[0]!;
  const model = findModel(form.model) ?? MODELS[0]!;
  const schedule = getScheduleOrThrow(form.schedule);

  return (
    <div className="grid gap-6 pb-16 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] lg:items-start lg:pb-0">
      <form className="space-y-4 lg:col-start-1" onSubmit={(e) => e.preventDefault()} aria-label="Estimate inputs">
        <Fieldset legend="Your GPU and model">
          <SelectField label="GPU" {...bind("gpu")}>
            {GPU_CATALOG.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name} · {g.vramGb} GB
              </option>
            ))}
          </SelectField>
          <SelectField label="Model" {...bind("model")}>
            {MODEL_GROUPS.map(({ kind, label }) => (
              <optgroup key={kind} label={label}>
                {MODELS.filter((m) => m.kind === kind).map((m) => (
                  <option key={m.id} value={m.id}>
                    {modelOptionText(m.id, gpu, schedule)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </Fieldset>

        {model.kind === "image" ? (
          <Fieldset legend="The image job">
            <div role="group" aria-label="Common sizes" className="flex flex-wrap gap-2 sm:col-span-2">
              {IMAGE_PRESETS.map((p) => {
                const pressed = form.width === String(p.width) && form.height === String(p.height);
                return (
                  <button
                    key={`${p.width}x${p.height}`}
                    type="button"
                    aria-pressed={pressed}
                    onClick={() => setForm((prev) => ({ ...prev, width: String(p.width), height: String(p.height) }))}
                    className={`rounded-full px-3 py-1 text-sm tabular-nums ring-1 ring-inset ${
                      pressed
                        ? "bg-zinc-900 text-white ring-zinc-900 dark:bg-zinc-100 dark:text-zinc-900 dark:ring-zinc-100"
                        : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-950 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
                    }`}
                  >
                    {p.width}×{p.height}
                  </button>
                );
              })}
            </div>
            <div className="grid grid-cols-3 gap-3 sm:col-span-2">
              <NumberField label="Width" suffix="px" {...bindNumber("width")} />
              <NumberField label="Height" suffix="px" {...bindNumber("height")} />
              <NumberField label="Steps" {...bindNumber("steps")} />
            </div>
            <p className="text-xs text-zinc-600 sm:col-span-2 dark:text-zinc-400">
              Images earn from 512×512 pixels and 20 steps up; 1024×1024 at 20 steps is worth 6 times 512×512.
            </p>
          </Fieldset>
        ) : (
          <Fieldset legend="The text job">
            <NumberField label="Input tokens" {...bindNumber("input_tokens")} />
            <NumberField label="Output tokens" {...bindNumber("output_tokens")} />
            <p className="text-xs text-zinc-600 sm:col-span-2 dark:text-zinc-400">Input and output tokens count alike: 1,000 tokens make 1 base Llama Point.</p>
          </Fieldset>
        )}

        <Fieldset legend="Boosts and rules">
          <NumberField
            {...bindNumber("nfts")}
            label="Heurist Imaginaries NFTs in your wallet"
            hint="Each NFT boosts up to 3 of your GPUs; the estimate assumes this GPU is one of them."
          />
          <NumberField {...bindNumber("stake")} label="Stake on this node" suffix="stHEU" hint="stHEU delegated to this GPU's miner ID, by you or by stakers." />
          <SelectField
            {...bind("schedule")}
            label="Reward schedule"
            className="sm:col-span-2"
            hint={
              schedule.stakeCurve.kind === "activation"
                ? "Mainnet preview: today's multipliers, but a node needs at least 10,000 stHEU staked to earn anything (×0.1 at 10,000, rising to ×1 at 100,000)."
                : "Testnet: stake only adds, from ×1 up to 10,000 stHEU to ×1.5 at 100,000 and above."
            }
          >
            {SCHEDULES.map((s) => (
              <option key={s.id} value={s.id}>
                {scheduleOptionText(s.id, currentScheduleId)}
              </option>
            ))}
          </SelectField>
        </Fieldset>
      </form>

      <div id="results" className="scroll-mt-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <EstimateResults estimate={estimate} model={model} schedule={schedule} input={parsed.ok ? parsed.input : null} network={network} tokenRate={tokenRate} />
      </div>

      <ServeList gpu={gpu} selectedModelId={model.id} />
      <MobileSummary targetId="results" perJob={estimate ? estimate.perJob : null} perDay={estimate ? estimate.perDay : null} />
    </div>
  );
}
