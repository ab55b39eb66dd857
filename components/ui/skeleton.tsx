import { cn } from "./cn";

/** A grey placeholder block; size it with classes (h-8 w-40). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800", className)} />;
}

/**
 * Wraps a loading.tsx body: announces loading once, hides the placeholder shapes. A page that is a
 * column (heading, blocks, a table) is described by the props alone; other layouts pass children,
 * which come after the blocks and before the table.
 */
export function SkeletonPage(props: {
  label?: string;
  /** The heading title's width class (SkeletonHeading); none: no heading placeholder. */
  heading?: string;
  /** One placeholder block per class string, in order. */
  blocks?: readonly string[];
  /** Rows of a closing table placeholder. */
  table?: number;
  children?: React.ReactNode;
}) {
  const { label = "Loading", heading, blocks = [], table } = props;
  return (
    <div aria-busy="true" role="status" aria-label={label} className="space-y-8">
      <span className="sr-only">{label}…</span>
      {heading ? <SkeletonHeading titleClass={heading} /> : null}
      {blocks.map((className, i) => (
        <Skeleton key={i} className={className} />
      ))}
      {props.children}
      {table ? <SkeletonTable rows={table} /> : null}
    </div>
  );
}

/** A page heading's place: the title (its width in `titleClass`) and the line under it. */
export function SkeletonHeading({ titleClass = "w-48", lineClass = "h-4 w-full max-w-2xl" }: { titleClass?: string; lineClass?: string }) {
  return (
    <div className="space-y-2">
      <Skeleton className={cn("h-9", titleClass)} />
      <Skeleton className={lineClass} />
    </div>
  );
}

export function SkeletonStats({ count = 5 }: { count?: number }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-24 rounded-xl" />
      ))}
    </div>
  );
}

export function SkeletonTable({ rows = 8 }: { rows?: number }) {
  return (
    <div className="space-y-2">
      <Skeleton className="h-6 w-full" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full opacity-70" />
      ))}
    </div>
  );
}
