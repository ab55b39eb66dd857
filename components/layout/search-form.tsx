import Form from "next/form";
import { cn } from "@/components/ui/cn";

/**
 * Miner ID / wallet search. A GET form to "/?q=…": the overview validates it and redirects to
 * the miner or wallet page (or shows why not), so it works without JavaScript and ships no
 * validation code to the browser.
 */
export function SearchForm({
  id,
  size = "sm",
  defaultValue,
  className,
  errorId,
  label = "Find a miner or wallet",
}: {
  id: string;
  /** Accessible name of the search landmark; unique per page. */
  label?: string;
  size?: "sm" | "lg";
  defaultValue?: string;
  className?: string;
  /** id of an element describing a validation error. */
  errorId?: string;
}) {
  const large = size === "lg";
  return (
    <Form action="/" role="search" aria-label={label} className={cn("flex w-full gap-2", className)}>
      <label htmlFor={id} className="sr-only">
        Wallet address or miner ID
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={large ? "Wallet address or miner ID (0x…, 0x…-4090rig)" : "Wallet or miner ID"}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={errorId}
        aria-invalid={errorId ? true : undefined}
        className={cn(
          "min-w-0 flex-1 rounded-md border border-zinc-300 bg-white font-mono text-zinc-900 placeholder:font-sans placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400",
          large ? "h-12 px-4 text-base" : "h-9 px-3 text-sm",
        )}
      />
      <button
        type="submit"
        className={cn(
          "shrink-0 rounded-md bg-zinc-900 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300",
          large ? "h-12 px-5" : "h-9 px-3 text-sm",
        )}
      >
        Search
      </button>
    </Form>
  );
}
