import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cn } from "./cn";

// Table primitives: semantic <table> markup with house styles. Numeric cells right-align and use
// tabular figures. The wrapper scrolls horizontally at 375 px, shows a shadow on an edge with more
// columns beyond it (.scroll-cue in globals.css) and is focusable so keyboard users can scroll it.

/** A column heading: its text, or the text of a right-aligned numeric column. */
export type Column = string | { label: string; numeric: true };

export function Table({
  caption,
  captionHidden = false,
  columns,
  children,
  className,
  label,
}: {
  caption?: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  /** Plain column headings: given, the table writes its own head and children are the body's rows. */
  columns?: readonly Column[];
  children: ReactNode;
  className?: string;
  /** Accessible name for the scroll region (defaults to nothing: caption names the table). */
  label?: string;
}) {
  return (
    <div
      className={cn("scroll-cue relative -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0", className)}
      tabIndex={0}
      role="region"
      aria-label={label ?? (typeof caption === "string" ? caption : "Table")}
    >
      <table className="w-full border-collapse text-left text-sm">
        {caption ? <caption className={cn(captionHidden ? "sr-only" : "mb-2 text-left text-sm text-zinc-600 dark:text-zinc-400")}>{caption}</caption> : null}
        {columns ? (
          <>
            <THead>
              <tr>
                {columns.map((c) =>
                  typeof c === "string" ? (
                    <Th key={c}>{c}</Th>
                  ) : (
                    <Th key={c.label} numeric>
                      {c.label}
                    </Th>
                  ),
                )}
              </tr>
            </THead>
            <TBody>{children}</TBody>
          </>
        ) : (
          children
        )}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">{children}</tbody>;
}

export function Tr({ className, ...rest }: ComponentPropsWithoutRef<"tr">) {
  return <tr className={cn("hover:bg-zinc-50 dark:hover:bg-zinc-800/40", className)} {...rest} />;
}

export function Th({ numeric = false, scope = "col", className, ...rest }: { numeric?: boolean } & ComponentPropsWithoutRef<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-3 py-2 font-medium whitespace-nowrap first:pl-0 last:pr-0",
        numeric && "text-right",
        scope === "row" && "text-sm font-normal normal-case tracking-normal text-zinc-900 dark:text-zinc-100",
        className,
      )}
      {...rest}
    />
  );
}

/** The header of a column of row actions (links, buttons): named for screen readers only. */
export function ActionsTh() {
  return (
    <Th>
      <span className="sr-only">Actions</span>
    </Th>
  );
}

export function Td({ numeric = false, className, ...rest }: { numeric?: boolean } & ComponentPropsWithoutRef<"td">) {
  return <td className={cn("px-3 py-2 first:pl-0 last:pr-0", numeric && "text-right tabular-nums whitespace-nowrap", className)} {...rest} />;
}

/** Class strings for hand-written tables that cannot use the components above. */
export const tableStyles = {
  table: "w-full border-collapse text-left text-sm",
  thead: "border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-600 dark:border-zinc-800 dark:text-zinc-400",
  th: "px-3 py-2 font-medium whitespace-nowrap first:pl-0 last:pr-0",
  tbody: "divide-y divide-zinc-100 dark:divide-zinc-800/70",
  td: "px-3 py-2 first:pl-0 last:pr-0",
  numeric: "text-right tabular-nums whitespace-nowrap",
} as const;
