import type { ReactNode } from "react";
import type { TypeText } from "@/lib/server/openapi/reference";
import { TypeLabel } from "./type-text";

/**
 * One named field in the reference, a parameter or a schema's property: its name, where it goes,
 * `requiredBadge` when it must be there (else "optional"), its type and description.
 */
export function FieldItem(props: { name: string; where?: string; requiredBadge: ReactNode | null; type: TypeText; description: string | null; dense?: boolean }) {
  const { name, where, requiredBadge, type, description, dense = false } = props;
  return (
    <li className={dense ? "py-1.5 text-sm" : "py-2 text-sm"}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <code className="font-mono font-medium [overflow-wrap:anywhere]">{name}</code>
        {where ? <span className="text-xs text-zinc-600 dark:text-zinc-400">in {where}</span> : null}
        {requiredBadge ?? <span className="text-xs text-zinc-600 dark:text-zinc-400">optional</span>}
        <TypeLabel type={type} />
      </div>
      {description ? <p className={`${dense ? "mt-0.5" : "mt-1"} text-zinc-600 dark:text-zinc-400`}>{description}</p> : null}
    </li>
  );
}
