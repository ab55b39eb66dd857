"use client";

import { useCallback, useEffect, useState } from "react";
import { Badge } from "@/components/ui";
import { noteClass, secondaryButton } from "@/components/staking/fields";
import { formatDateTime, shortId } from "@/lib/format";
import type { SessionState } from "@/lib/schemas/auth";
import { WATCH_KIND_LABELS, type AlertView, type WatchView } from "@/lib/schemas/watches";
import { WatchForm, type CreatedWatch } from "./watch-form";

/** The page follows the worker: watches and alerts are read again this often while it is open. */
const REFRESH_MS = 10_000;

type Load = { kind: "loading" } | { kind: "visitor" } | { kind: "error"; message: string } | { kind: "ready"; watches: WatchView[]; max: number };

function thresholdOf(w: WatchView): string {
  if (w.idleMinutes !== null) return ` · ${w.idleMinutes} min`;
  if (w.availabilityBelowPercent !== null) return ` · below ${w.availabilityBelowPercent} %`;
  return "";
}

function AlertLine({ a }: { a: AlertView }) {
  const open = a.resolvedAt === null;
  const event = a.resolvedAt === a.openedAt;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-1 py-1.5">
      <Badge tone={open ? "danger" : event ? "info" : "success"}>{open ? "ongoing" : event ? "event" : "resolved"}</Badge>
      <span className="min-w-0 break-words">{a.title}</span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {formatDateTime(a.openedAt)}
        {!open && !event ? ` → ${formatDateTime(a.resolvedAt!)}` : ""}
      </span>
    </li>
  );
}

/** A watch's webhook: where it posts, whether it is disabled and why, its last deliveries with the receiver's answers, and what the owner can do. */
function WebhookLine({ w, onAction }: { w: WatchView; onAction: (action: "test" | "enable") => void }) {
  const hook = w.webhook!;
  return (
    <div className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <p className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 break-all">
          Webhook ({hook.format}) {hook.url}
        </span>
        <button type="button" className="underline hover:no-underline" onClick={() => onAction("test")} aria-label={`Send a test event to watch ${w.id}'s webhook`}>
          Send test event
        </button>
        {hook.disabledAt ? (
          <button type="button" className="underline hover:no-underline" onClick={() => onAction("enable")} aria-label={`Turn watch ${w.id}'s webhook back on`}>
            Turn back on
          </button>
        ) : null}
      </p>
      {hook.disabledAt ? (
        <p role="status" className="text-red-700 dark:text-red-400">
          Disabled {formatDateTime(hook.disabledAt)}: {hook.disabledReason}
        </p>
      ) : null}
      {w.deliveries.length ? (
        <ul aria-label={`Deliveries of watch ${w.id}`} className="space-y-0.5">
          {w.deliveries.map((d) => (
            <li key={d.id} className="tabular-nums">
              {formatDateTime(d.createdAt)} · {d.event} · {d.state} after {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
              {d.lastStatus !== null ? ` · HTTP ${d.lastStatus}` : d.lastError ? ` · ${d.lastError}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No deliveries yet.</p>
      )}
    </div>
  );
}

/**
 * The signed-in owner's watches with their state, the alerts they raised (newest first), their
 * webhooks' deliveries, and the form to add one. Anyone else sees how to sign in.
 */
export function WatchesPanel({ wallet }: { wallet: string }) {
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [created, setCreated] = useState<CreatedWatch | null>(null);

  const refresh = useCallback(async () => {
    const session = (await fetch("/api/v1/auth/session", { cache: "no-store" }).then((r) => (r.ok ? r.json() : null))) as SessionState | null;
    if (!(session?.signedIn && session.address === wallet)) return setLoad({ kind: "visitor" });
    const res = await fetch(`/api/v1/wallets/${wallet}/watches`, { cache: "no-store" });
    const body = await res.json().catch(() => null);
    if (!res.ok) return setLoad({ kind: "error", message: body?.error?.message ?? `Could not read the watches (${res.status}).` });
    setLoad({ kind: "ready", watches: body.watches, max: body.max });
  }, [wallet]);

  useEffect(() => {
    const run = () => void refresh().catch((err: unknown) => setLoad({ kind: "error", message: err instanceof Error ? err.message : String(err) }));
    run();
    const timer = setInterval(run, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (load.kind === "loading") return <p className={noteClass}>Loading watches…</p>;
  if (load.kind === "visitor") {
    return (
      <p className={noteClass}>
        Sign in as this wallet (the wallet button at the top) to be told when its GPUs stop earning, a node&apos;s bribe or stake changes, a miner is slashed or an epoch settles:
        here, by webhook, or in the feed.
      </p>
    );
  }
  if (load.kind === "error") {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {load.message}{" "}
        <button type="button" className="underline" onClick={() => void refresh()}>
          Try again
        </button>
      </p>
    );
  }

  const remove = async (id: string) => {
    await fetch(`/api/v1/wallets/${wallet}/watches/${id}`, { method: "DELETE" });
    await refresh();
  };
  const webhookAction = async (id: string, action: "test" | "enable") => {
    await fetch(`/api/v1/wallets/${wallet}/watches/${id}/${action}`, { method: "POST" });
    await refresh();
  };
  const alerts = load.watches.flatMap((w) => w.recentAlerts).sort((a, b) => (b.resolvedAt ?? b.openedAt).localeCompare(a.resolvedAt ?? a.openedAt));

  return (
    <div className="space-y-5">
      {created?.webhookSecret ? (
        <div
          role="status"
          className="space-y-1 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-semibold">The webhook&apos;s signing secret — copy it now, it is not shown again:</p>
          <code className="block break-all font-mono text-xs" data-testid="webhook-secret">
            {created.webhookSecret}
          </code>
          <p>Each post carries x-heurist-timestamp and x-heurist-signature: sha256 = HMAC-SHA256 of &quot;timestamp.body&quot; with this secret.</p>
        </div>
      ) : null}
      <section aria-label="Recent alerts">
        <h3 className="text-sm font-semibold">Recent alerts</h3>
        {alerts.length ? (
          <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {alerts.slice(0, 20).map((a) => (
              <AlertLine key={a.id} a={a} />
            ))}
          </ul>
        ) : (
          <p className={noteClass}>None yet. Alerts appear here within a minute of what they report.</p>
        )}
      </section>
      <section aria-label="Your watches">
        <h3 className="text-sm font-semibold">
          Your watches ({load.watches.length} of {load.max})
        </h3>
        {load.watches.length ? (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {load.watches.map((w) => (
              <li key={w.id} className="space-y-1 py-2 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={w.state === "alerting" ? "danger" : "success"}>{w.state === "alerting" ? `alerting (${w.openAlerts})` : "ok"}</Badge>
                  <span>{WATCH_KIND_LABELS[w.kind]}</span>
                  <span className="font-mono text-xs" title={w.target}>
                    {shortId(w.target)}
                    {thresholdOf(w)}
                  </span>
                  <button type="button" className={`${secondaryButton} ml-auto`} onClick={() => void remove(w.id)} aria-label={`Delete watch ${w.id}`}>
                    Delete
                  </button>
                </div>
                {w.webhook ? <WebhookLine w={w} onAction={(action) => void webhookAction(w.id, action)} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className={noteClass}>No watches yet: add one below.</p>
        )}
      </section>
      <WatchForm
        wallet={wallet}
        onCreated={(c) => {
          setCreated(c);
          void refresh();
        }}
      />
    </div>
  );
}
