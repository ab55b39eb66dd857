import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A section title with an optional description and actions (tabs, links) on the right.
 * Give the enclosing <section> `aria-labelledby={id}`.
 */
export function SectionHeading({
  id,
  title,
  description,
  actions,
  level = 2,
  className,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  level?: 1 | 2 | 3;
  className?: string;
}) {
  const Tag = `h${level}` as const;
  const size = level === 1 ? "text-2xl sm:text-3xl" : level === 2 ? "text-xl" : "text-base";
  return (
    <div className={cn("mb-4 flex flex-wrap items-end justify-between gap-3", className)}>
      <div className="min-w-0">
        <Tag id={id} className={cn(size, "font-semibold tracking-tight text-zinc-900 dark:text-zinc-50")}>
          {title}
        </Tag>
        {description ? <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

/**
 * A page section named by its heading (aria-labelledby the heading's id). `anchor` is the
 * section's own id, for links that scroll to it.
 */
export function Section({
  anchor,
  className,
  children,
  ...heading
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  level?: 1 | 2 | 3;
  anchor?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={heading.id} id={anchor} className={className}>
      <SectionHeading {...heading} />
      {children}
    </section>
  );
}

/** Page title block: the one <h1> of a page. */
export function PageHeading({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return <SectionHeading id="page-title" level={1} title={title} description={description} actions={actions} className="mb-6" />;
}
