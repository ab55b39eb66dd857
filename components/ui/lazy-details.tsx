"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A <details> whose body is rendered the first time it opens, then kept. A long table behind
 * "Show the numbers" then costs nothing on page load: no elements to parse, lay out or hydrate.
 * `summary` is the text of the <summary>.
 */
export function LazyDetails({ summary, summaryClassName, className, children }: { summary: ReactNode; summaryClassName?: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before hydration: the toggle event was missed, so look once on mount.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
