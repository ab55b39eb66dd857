"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { shortId } from "@/lib/format";
import type { SessionState } from "@/lib/schemas/auth";

interface Assignment {
  nftCount: number;
  slots: number;
  chosen: string[] | null;
  effectiveFrom: string | null;
  holders: string[];
}

/**
 * Who holds the wallet's NFT boost slots, and for its signed-in owner a way to move them. A new
 * choice prices jobs completed from the moment it is saved; past jobs keep their multipliers.
 */
export function BoostSlotEditor({ wallet, assignment, candidates }: { wallet: string; assignment: Assignment; candidates: string[] }) {
  const router = useRouter();
  const [owner, setOwner] = useState(false);
  const [chosen, setChosen] = useState<string[]>(assignment.holders);
  const [adding, setAdding] = useState("");
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });

  useEffect(() => {
    let live = true;
    fetch("/api/v1/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: SessionState | null) => live && setOwner(s?.signedIn === true && s.address === wallet))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wallet]);

  if (assignment.slots === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No Heurist Imaginaries NFT in this wallet, so no boost slots (3 GPUs per NFT).</p>;
  }

  const save = async () => {
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/v1/wallets/${wallet}/boost-slots`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ minerIds: chosen }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) return setStatus({ kind: "error", message: body?.error?.message ?? `Saving failed (${res.status})` });
    setChosen(body.holders);
    setStatus({ kind: "saved", message: "Saved. Jobs completed from now on are priced with this assignment." });
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {assignment.nftCount} NFT{assignment.nftCount === 1 ? "" : "s"} → {assignment.slots} boost slots.{" "}
        {assignment.chosen ? `Chosen by the owner on ${assignment.effectiveFrom?.slice(0, 16).replace("T", " ")} UTC.` : "Held by the earliest-registered GPUs (the default)."}
      </p>
      <ul aria-label="GPUs holding a boost slot" className="flex flex-wrap gap-2">
        {chosen.map((id) => (
          <li key={id} className="flex items-center gap-1 rounded-full bg-fuchsia-50 px-3 py-1 font-mono text-xs text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-100">
            {shortId(id)}
            {owner && (
              <button
                type="button"
                aria-label={`Remove ${id} from the boost slots`}
                className="ml-1 rounded px-1 hover:bg-fuchsia-200 dark:hover:bg-fuchsia-800"
                onClick={() => setChosen(chosen.filter((c) => c !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {owner ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const id = adding.trim().toLowerCase();
            if (id && !chosen.includes(id)) setChosen([...chosen, id]);
            setAdding("");
          }}
        >
          <label className="text-sm">
            <span className="block">Add a GPU (miner ID)</span>
            <input
              list="boost-candidates"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              className="mt-1 w-80 max-w-full rounded-md border border-zinc-300 px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
          <datalist id="boost-candidates">
            {candidates
              .filter((c) => !chosen.includes(c))
              .map((c) => (
                <option key={c} value={c} />
              ))}
          </datalist>
          <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
            Add
          </button>
          <button
            type="button"
            onClick={save}
            disabled={status.kind === "saving" || chosen.length > assignment.slots}
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
          >
            {status.kind === "saving" ? "Saving…" : "Save boost slots"}
          </button>
          {chosen.length > assignment.slots && (
            <p className="w-full text-sm text-amber-800 dark:text-amber-300">
              {chosen.length} chosen for {assignment.slots} slots: remove some.
            </p>
          )}
        </form>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The wallet&apos;s owner can move the slots after signing in with the wallet (Connect wallet, then Sign in).</p>
      )}
      <p role="status" className={status.kind === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-400"}>
        {status.message}
      </p>
    </div>
  );
}
