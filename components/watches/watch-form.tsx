"use client";

import { useId, useState } from "react";
import { inputClass, labelClass, primaryButton } from "@/components/staking/fields";
import { IDLE_MINUTES, WATCH_KINDS, WATCH_KIND_LABELS, type WatchKind } from "@/lib/schemas/watches";

export interface CreatedWatch {
  id: string;
  webhookSecret: string | null;
}

interface ApiError {
  error?: { message?: string; details?: { field?: string; reason?: string }[] };
}

/** The problem a 4xx names, in one line: the message and each field's reason. */
function problemOf(body: ApiError | null, status: number): string {
  const details = (body?.error?.details ?? []).map((d) => `${d.field ?? ""}: ${d.reason ?? ""}`.replace(/^: /, ""));
  return [body?.error?.message ?? `Saving failed (${status}).`, ...details].join(" ");
}

/** Adds a watch for the signed-in owner: what to watch, on which GPU, node or wallet, and where to post alerts. */
export function WatchForm({ wallet, onCreated }: { wallet: string; onCreated: (w: CreatedWatch) => void }) {
  const id = useId();
  const [kind, setKind] = useState<WatchKind>("gpu_idle");
  const [target, setTarget] = useState(wallet);
  const [idleMinutes, setIdleMinutes] = useState("30");
  const [availability, setAvailability] = useState("90");
  const [webhookUrl, setWebhookUrl] = useState("");
  const [format, setFormat] = useState<"json" | "discord">("json");
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "error"; message?: string }>({ kind: "idle" });

  const submit = async () => {
    setStatus({ kind: "saving" });
    const body = {
      kind,
      target: target.trim(),
      ...(kind === "gpu_idle" ? { idleMinutes: Number(idleMinutes) } : {}),
      ...(kind === "gpu_availability" ? { availabilityBelowPercent: Number(availability) } : {}),
      ...(webhookUrl.trim() ? { webhook: { url: webhookUrl.trim(), format } } : {}),
    };
    const res = await fetch(`/api/v1/wallets/${wallet}/watches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = await res.json().catch(() => null);
    if (!res.ok) return setStatus({ kind: "error", message: problemOf(answer, res.status) });
    setStatus({ kind: "idle" });
    setWebhookUrl("");
    onCreated({ id: answer.id, webhookSecret: answer.webhookSecret });
  };

  return (
    <form
      aria-label="Add a watch"
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div>
        <label htmlFor={`${id}-kind`} className={labelClass}>
          Tell me when
        </label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as WatchKind)} className={inputClass}>
          {WATCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {WATCH_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-target`} className={labelClass}>
          {kind === "epoch" ? "Wallet" : "GPU, node or wallet (every one of its GPUs)"}
        </label>
        <input id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)} className={`${inputClass} font-mono`} autoComplete="off" spellCheck={false} />
      </div>
      {kind === "gpu_idle" ? (
        <div>
          <label htmlFor={`${id}-idle`} className={labelClass}>
            Minutes without a completed job ({IDLE_MINUTES.min}–{IDLE_MINUTES.max})
          </label>
          <input id={`${id}-idle`} inputMode="numeric" value={idleMinutes} onChange={(e) => setIdleMinutes(e.target.value)} className={inputClass} />
        </div>
      ) : null}
      {kind === "gpu_availability" ? (
        <div>
          <label htmlFor={`${id}-availability`} className={labelClass}>
            Availability over 24 h below (%)
          </label>
          <input id={`${id}-availability`} inputMode="decimal" value={availability} onChange={(e) => setAvailability(e.target.value)} className={inputClass} />
        </div>
      ) : null}
      <div className="sm:col-span-2 grid gap-3 sm:grid-cols-[1fr_auto]">
        <div>
          <label htmlFor={`${id}-hook`} className={labelClass}>
            Webhook URL (optional: signed JSON posts)
          </label>
          <input
            id={`${id}-hook`}
            type="url"
            placeholder="https://…"
            value={webhookUrl}
            onChange={(e) => setWebhookUrl(e.target.value)}
            className={inputClass}
            autoComplete="off"
          />
        </div>
        <div>
          <label htmlFor={`${id}-format`} className={labelClass}>
            Format
          </label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as "json" | "discord")} className={inputClass}>
            <option value="json">JSON</option>
            <option value="discord">Discord</option>
          </select>
        </div>
      </div>
      <div className="sm:col-span-2 flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButton} disabled={status.kind === "saving"}>
          {status.kind === "saving" ? "Adding…" : "Add watch"}
        </button>
        {status.kind === "error" ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {status.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
