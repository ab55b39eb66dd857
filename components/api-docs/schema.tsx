import { Badge, Card } from "@/components/ui";
import type { ReferenceSchema } from "@/lib/server/openapi/reference";
import { FieldItem } from "./field-item";
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
            <FieldItem key={p.name} name={p.name} requiredBadge={p.required ? <Badge>always</Badge> : null} type={p.type} description={p.description} dense />
          ))}
        </ul>
      )}
    </Card>
  );
}
