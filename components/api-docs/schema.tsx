import { Badge, Card } from "@/components/ui";
import type { ReferenceSchema } from "@/lib/server/openapi/reference";
import { TypeLabel } from "./type-text";

/** A component schema's top-level fields; nested objects are named by type, not expanded. */
export function SchemaCard({ schema }: { schema: ReferenceSchema }) {
  const headingId = `${schema.anchor}-title`;
  return (
    <Card as="article" id={schema.anchor} aria-labelledby={headingId} className="scroll-mt-20 space-y-2">
      <h3 id={headingId} className="font-mono text-base font-semibold">
        {schema.name}
      </h3>
      {schema.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{schema.description}</p> : null}
      {schema.properties.length === 0 ? (
        <p className="text-sm">
          <TypeLabel type={schema.type} />
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {schema.properties.map((p) => (
            <li key={p.name} className="py-1.5 text-sm">
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <code className="font-mono font-medium [overflow-wrap:anywhere]">{p.name}</code>
                {p.required ? <Badge>always</Badge> : <span className="text-xs text-zinc-600 dark:text-zinc-400">optional</span>}
                <TypeLabel type={p.type} />
              </div>
              {p.description ? <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">{p.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
