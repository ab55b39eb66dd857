"use client";

import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { describeNodeOption, formatStakeHeu, type StakeToken } from "@/lib/market/node-option";
import { activeIndex, PICKER_CLOSED, PICKER_TYPED, pickerKeyDown, pickerOptions, pickerQuery, type PickerState } from "@/lib/market/node-picker";
import type { MarketRow } from "@/lib/schemas/market";
import { inputClass, labelClass, secondaryButton } from "./fields";
import { NodeFacts } from "./node-facts";
import { useMarketSearch } from "./use-market-search";

/** The node chosen, with the stake (HEU) its yield was estimated for. */
export interface PickedNode {
  row: MarketRow;
  stake: number;
}

const muted = "text-xs text-zinc-600 dark:text-zinc-400";

/**
 * Picks the node stake moves to from the market: a WAI-ARIA combobox searching miner IDs and
 * wallets by prefix, best yield first for the amount being moved; once picked, a summary with a
 * "Change" button. `stakeHeu` is that amount in HEU (a decimal string; null: the market's default).
 */
export function NodePicker({
  source,
  stakeHeu,
  token,
  value,
  onChange,
}: {
  source: string;
  stakeHeu: string | null;
  /** The token being moved: the yields shown are for it (esHEU weighs more in the bribe split). */
  token: StakeToken;
  value: PickedNode | null;
  onChange: (v: PickedNode | null) => void;
}) {
  const [text, setText] = useState("");
  const [reopen, setReopen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  // Where focus goes after the picker swaps between list and summary (never on first render).
  const focusNext = useRef<"input" | "change" | null>(null);
  useEffect(() => {
    const target = focusNext.current === "input" ? inputRef.current : focusNext.current === "change" ? changeRef.current : null;
    focusNext.current = null;
    target?.focus();
  }, [value]);

  // What the list and the summary both show each node against: the amount to stake and its token.
  const stake = { stakeHeu, token };
  if (value) {
    return (
      <Summary
        picked={value}
        {...stake}
        changeRef={changeRef}
        onChange={() => {
          focusNext.current = "input";
          setReopen(true);
          onChange(null);
        }}
      />
    );
  }
  return (
    <Combobox
      text={text}
      onText={setText}
      source={source}
      {...stake}
      inputRef={inputRef}
      // Back from the summary ("Change"): the list as it was, open.
      startOpen={reopen}
      onPick={(v) => {
        focusNext.current = "change";
        onChange(v);
      }}
    />
  );
}

function Combobox({
  text,
  onText,
  source,
  stakeHeu,
  token,
  inputRef,
  startOpen,
  onPick,
}: {
  text: string;
  onText: (t: string) => void;
  source: string;
  stakeHeu: string | null;
  token: StakeToken;
  inputRef: RefObject<HTMLInputElement | null>;
  startOpen: boolean;
  onPick: (v: PickedNode) => void;
}) {
  const id = useId();
  const [state, setState] = useState<PickerState>(startOpen ? PICKER_TYPED : PICKER_CLOSED);
  const parsed = pickerQuery(text);
  const { query, settledQ, typing } = useMarketSearch(parsed.ok ? parsed.q : null, stakeHeu);
  const data = query.data;
  const options = data ? pickerOptions(data.items, settledQ ?? "", source) : [];
  const ids = options.map((r) => r.minerId);
  const at = activeIndex(state, ids);
  const expanded = state.open && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    if (at >= 0) document.getElementById(`${id}-option-${at}`)?.scrollIntoView({ block: "nearest" });
  }, [at, id]);

  const pick = (row: MarketRow) => {
    setState(PICKER_CLOSED);
    onPick({ row, stake: data!.stake });
  };

  return (
    <div>
      <label htmlFor={`${id}-input`} className={labelClass}>
        Move to node
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && at >= 0 ? optionId(at) : undefined}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={!parsed.ok}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setState(PICKER_TYPED);
        }}
        onClick={() => setState((s) => (s.open ? s : PICKER_TYPED))}
        onBlur={() => setState(PICKER_CLOSED)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          const o = pickerKeyDown(state, { key: e.key, altKey: e.altKey }, ids);
          if (o.handled) e.preventDefault();
          if (o.clear) onText("");
          setState(o.state);
          const row = o.pick ? options.find((r) => r.minerId === o.pick) : undefined;
          if (row) pick(row);
        }}
        placeholder="Miner ID or wallet, e.g. 0x3f5c"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="none"
        className={`${inputClass} font-mono`}
      />
      <p id={`${id}-hint`} className={parsed.ok ? `mt-1 ${muted}` : "mt-1 text-xs text-red-700 dark:text-red-400"}>
        {parsed.ok ? "Type the start of a miner ID or wallet (or paste a whole ID), then ↓ and Enter, or tap a node." : parsed.reason}
      </p>
      <Status id={`${id}-status`} query={query} typing={typing} q={settledQ} source={source} shown={options.length} />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={data ? `Nodes, best yield first for ${formatStakeHeu(data.stake)} HEU` : "Nodes"}
        hidden={!expanded}
        className="mt-1 max-h-96 overflow-y-auto rounded-md border border-zinc-300 bg-white shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map((r, i) => {
          const t = describeNodeOption(r, data!.stake, token);
          const active = i === at;
          return (
            <li
              key={r.minerId}
              id={optionId(i)}
              role="option"
              aria-selected={active}
              aria-label={t.label}
              title={r.minerId}
              // Keeps focus in the text box, so the list stays open until the click picks.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(r)}
              className={`block cursor-pointer border-b border-zinc-200 px-3 py-2 last:border-b-0 dark:border-zinc-800 ${
                active ? "bg-zinc-100 outline-2 -outline-offset-2 outline-zinc-900 dark:bg-zinc-800 dark:outline-zinc-100" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
              }`}
            >
              <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-mono text-sm text-zinc-900 dark:text-zinc-100">{t.short}</span>
                <span className={muted}>{t.gpu}</span>
              </span>
              <NodeFacts t={t} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Loading, how many nodes match, none, or the error with a retry; read out politely as it changes. */
function Status({
  id,
  query,
  typing,
  q,
  source,
  shown,
}: {
  id: string;
  query: ReturnType<typeof useMarketSearch>["query"];
  typing: boolean;
  q: string | null;
  source: string;
  shown: number;
}) {
  const data = query.data;
  if (query.isError && !data) {
    return (
      <div id={id} role="alert" className="mt-1 flex flex-wrap items-center gap-2 text-xs text-red-700 dark:text-red-400">
        <span>Could not load the market&apos;s nodes: {query.error.message}</span>
        <button type="button" className={`${secondaryButton} h-8 text-zinc-900 dark:text-zinc-100`} onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  let message: string;
  if (q === null) message = "";
  else if (!data) message = "Loading nodes…";
  else if (shown === 0)
    message = data.items.some((r) => r.minerId === source)
      ? "Only this node matches: type another miner ID or wallet."
      : q
        ? `No node matches “${q}”.`
        : "The market has no other node yet.";
  else {
    // The total counts this node when it matches too, though it is never offered.
    const others = data.total - (source.toLowerCase().startsWith(q) ? 1 : 0);
    const more = others > shown ? ` of ${others}; type more to narrow` : "";
    message = `${shown} node${shown === 1 ? "" : "s"}${more}, best yield first for ${formatStakeHeu(data.stake)} HEU.`;
  }
  const busy = typing || (query.isFetching && query.isPlaceholderData);
  return (
    <p id={id} role="status" className={`mt-1 ${muted}`}>
      {message}
      {busy && data ? <span aria-hidden="true"> Updating…</span> : null}
    </p>
  );
}

/** The chosen node, its numbers kept current for the amount being moved, and a way back to the list. */
function Summary({
  picked,
  stakeHeu,
  token,
  changeRef,
  onChange,
}: {
  picked: PickedNode;
  stakeHeu: string | null;
  token: StakeToken;
  changeRef: RefObject<HTMLButtonElement | null>;
  onChange: () => void;
}) {
  const id = useId();
  const { query } = useMarketSearch(picked.row.minerId, stakeHeu);
  const fresh = query.data?.items.find((r) => r.minerId === picked.row.minerId);
  const stake = fresh ? query.data!.stake : picked.stake;
  const t = describeNodeOption(fresh ?? picked.row, stake, token);
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-node`}>
      <p id={`${id}-label`} className={labelClass}>
        Move to node
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <div id={`${id}-node`} className="min-w-0 flex-1">
          <p className="font-mono text-sm break-all text-zinc-900 dark:text-zinc-100">{t.minerId}</p>
          <p className={muted}>{t.gpu}</p>
          <NodeFacts t={t} />
          <p className={`mt-1 ${muted}`}>Yield estimated for {formatStakeHeu(stake)} HEU.</p>
        </div>
        <button ref={changeRef} type="button" className={secondaryButton} onClick={onChange}>
          Change<span className="sr-only"> the node to move to</span>
        </button>
      </div>
    </div>
  );
}
