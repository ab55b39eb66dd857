import { Badge, Card, type BadgeTone } from "@/components/ui";
import type { ReferenceOperation } from "@/lib/server/openapi/reference";
import { FieldItem } from "./field-item";
import { TypeLabel } from "./type-text";

const METHOD_TONE: Record<string, BadgeTone> = { GET: "info", POST: "success", PUT: "warning", PATCH: "warning", DELETE: "danger" };

const statusTone = (status: string): BadgeTone => (status.startsWith("2") ? "success" : status.startsWith("4") ? "warning" : status.startsWith("5") ? "danger" : "neutral");

/**
 * One operation. Parameters and responses are lists rather than tables: descriptions run to
 * several sentences and a five-column table would scroll sideways on a phone.
 */
export function Operation({ op }: { op: ReferenceOperation }) {
  const headingId = `${op.anchor}-title`;
  return (
    <Card as="article" id={op.anchor} aria-labelledby={headingId} className="scroll-mt-20 space-y-4">
      <header className="space-y-1">
        <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold">
          <Badge tone={METHOD_TONE[op.method] ?? "neutral"} className="font-mono">
            {op.method}
          </Badge>
          <code className="font-mono text-sm [overflow-wrap:anywhere]">{op.path}</code>
          <a href={`#${op.anchor}`} className="text-sm font-normal text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
            #
            <span className="sr-only">
              {" "}
              link to {op.method} {op.path}
            </span>
          </a>
        </h3>
        <p className="text-sm text-zinc-800 dark:text-zinc-200">{op.summary}</p>
        {op.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{op.description}</p> : null}
        {op.security.length > 0 ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Authentication: {op.security.join(", ")} (see below).</p> : null}
      </header>

      {op.parameters.length > 0 ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Parameters</h4>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {op.parameters.map((p) => (
              <FieldItem
                key={`${p.in}-${p.name}`}
                name={p.name}
                where={p.in}
                requiredBadge={p.required ? <Badge tone="warning">required</Badge> : null}
                type={p.type}
                description={p.description}
              />
            ))}
          </ul>
        </div>
      ) : null}

      {op.body ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Request body{op.body.required ? " (required)" : ""}</h4>
          <ul className="text-sm">
            {op.body.content.map((c) => (
              <li key={c.mediaType} className="flex flex-wrap gap-x-2">
                <span className="text-zinc-600 dark:text-zinc-400">{c.mediaType}</span>
                <TypeLabel type={c.type} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div>
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Responses</h4>
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {op.responses.map((r) => (
            <li key={r.status} className="flex gap-3 py-2 text-sm">
              <Badge tone={statusTone(r.status)} className="h-fit font-mono">
                {r.status}
              </Badge>
              <div className="min-w-0">
                <p className="text-zinc-700 dark:text-zinc-300">{r.description}</p>
                {r.content.map((c) => (
                  <p key={c.mediaType} className="text-xs text-zinc-600 dark:text-zinc-400">
                    {c.mediaType} <TypeLabel type={c.type} />
                  </p>
                ))}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
