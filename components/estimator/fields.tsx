// Labelled form controls for the estimator: real <label>s, native <select> and number inputs,
// errors tied to their field with aria-describedby.
import type { ChangeEvent, ReactNode } from "react";

export const controlClass =
  "mt-1 block h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-base tabular-nums text-zinc-900 shadow-sm " +
  "focus-visible:border-indigo-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 " +
  "dark:focus-visible:border-indigo-400 dark:aria-invalid:border-red-400";

interface BaseProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

function Described({ id, hint, error }: Pick<BaseProps, "id" | "hint" | "error">) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = ({ id, hint, error }: Pick<BaseProps, "id" | "hint" | "error">) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** What an input and a select share: name, value, change handler, and the error and hint tied to it. */
function controlProps(props: BaseProps & { value: string; onChange: (value: string) => void }) {
  return {
    id: props.id,
    name: props.id,
    value: props.value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => props.onChange(e.target.value),
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(props),
    className: controlClass,
  };
}

export function NumberField(props: BaseProps & { value: string; min: number; max: number; step: number; suffix?: string; onChange: (value: string) => void }) {
  const { id, label, min, max, step, suffix, className } = props;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {suffix ? <span className="font-normal text-zinc-500 dark:text-zinc-400"> ({suffix})</span> : null}
      </label>
      <input type="number" inputMode="numeric" min={min} max={max} step={step} {...controlProps(props)} />
      <Described {...props} />
    </div>
  );
}

export function SelectField(props: BaseProps & { value: string; onChange: (value: string) => void; children: ReactNode }) {
  const { id, label, className, children } = props;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select {...controlProps(props)}>{children}</select>
      <Described {...props} />
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <legend className="float-left mb-3 w-full text-base font-semibold text-zinc-900 dark:text-zinc-50">{legend}</legend>
      <div className="clear-both grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
