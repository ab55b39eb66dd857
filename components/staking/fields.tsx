"use client";

import { useId } from "react";
import { formatUnits } from "viem";
import { formatTokenAmount, type Parsed } from "@/lib/market/amount";
import { TOKENS, type TokenId } from "./contracts";

export const inputClass =
  "h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
export const labelClass = "mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300";
export const primaryButton =
  "h-10 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300";
export const secondaryButton =
  "h-10 rounded-md border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const noteClass = "text-sm text-zinc-700 dark:text-zinc-300";

/** A text box for a decimal number (amounts, percentages): the decimal keypad on phones, no autofill. */
export function DecimalInput(props: { id: string; value: string; onChange: (v: string) => void; invalid: boolean; describedBy: string; className: string; placeholder: string }) {
  return (
    <input
      id={props.id}
      inputMode="decimal"
      autoComplete="off"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      className={props.className}
      placeholder={props.placeholder}
    />
  );
}

/** HEU or esHEU, as a radio group; `detail` adds e.g. the balance after each name. */
export function TokenChoice({ value, onChange, detail }: { value: TokenId; onChange: (t: TokenId) => void; detail?: (t: TokenId) => string }) {
  const name = useId();
  return (
    <fieldset>
      <legend className={labelClass}>Token</legend>
      <div className="flex flex-wrap gap-2">
        {TOKENS.map((t) => (
          <label
            key={t.id}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-zinc-300 px-3 py-2 text-sm has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-100 dark:border-zinc-700 dark:has-[:checked]:border-zinc-100 dark:has-[:checked]:bg-zinc-800"
          >
            <input type="radio" name={name} value={t.id} checked={value === t.id} onChange={() => onChange(t.id)} className="h-4 w-4" />
            <span>
              {t.name}
              {detail ? <span className="text-zinc-600 dark:text-zinc-400"> · {detail(t.id)}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** An amount in HEU with a "Max" shortcut and its validation message. */
export function AmountField({
  label,
  value,
  onChange,
  parsed,
  max,
  maxLabel,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  parsed: Parsed<bigint> | null;
  max: bigint;
  maxLabel: string;
}) {
  const id = useId();
  const invalid = parsed !== null && !parsed.ok;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="flex gap-2">
        <DecimalInput id={id} value={value} onChange={onChange} invalid={invalid} describedBy={`${id}-hint`} className={`${inputClass} tabular-nums`} placeholder="0" />
        <button type="button" className={secondaryButton} onClick={() => onChange(formatUnits(max, 18))} disabled={max === 0n}>
          Max
        </button>
      </div>
      <p id={`${id}-hint`} className={invalid ? "mt-1 text-xs text-red-700 dark:text-red-400" : "mt-1 text-xs text-zinc-600 dark:text-zinc-400"}>
        {invalid ? parsed.reason : `${maxLabel}: ${formatTokenAmount(max)}`}
      </p>
    </div>
  );
}
