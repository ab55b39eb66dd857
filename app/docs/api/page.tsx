import type { Metadata } from "next";
import { Operation } from "@/components/api-docs/operation";
import { SchemaCard } from "@/components/api-docs/schema";
import { OPENAPI_JSON_HREF } from "@/components/layout/nav-items";
import { PageHeading, SectionHeading } from "@/components/ui";
import { openApiDocument } from "@/lib/server/openapi/document";
import { apiReference } from "@/lib/server/openapi/reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every endpoint of the Heurist mining points API: parameters, request bodies and responses, from its OpenAPI 3.1 document.",
};

// Rendered from the same OpenAPI document /api/v1/openapi.json serves (built from the zod schemas
// the routes parse with), so the page and the routes cannot drift apart.
export default function ApiReferencePage() {
  const ref = apiReference(openApiDocument());
  const count = ref.groups.reduce((n, g) => n + g.operations.length, 0);
  return (
    <div className="space-y-10">
      <PageHeading
        title="API reference"
        description={
          <>
            {ref.title}, version {ref.version}: {count} operations. {ref.description} The machine-readable document is{" "}
            <a href={OPENAPI_JSON_HREF} className="font-medium text-indigo-700 underline dark:text-indigo-300">
              OpenAPI JSON
            </a>
            .
          </>
        }
      />

      <nav aria-labelledby="contents" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="contents" className="mb-2 text-sm font-semibold">
          On this page
        </h2>
        <ul className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {ref.groups.map((g) => (
            <li key={g.tag}>
              <a href={`#${g.anchor}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                {g.tag}
              </a>
              <ul className="mt-1 space-y-0.5">
                {g.operations.map((op) => (
                  <li key={op.anchor} className="font-mono text-xs [overflow-wrap:anywhere]">
                    <a href={`#${op.anchor}`} className="text-zinc-700 hover:underline dark:text-zinc-300">
                      <span className="font-semibold">{op.method}</span> {op.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              Schemas
            </a>
          </li>
        </ul>
      </nav>

      {ref.groups.map((g) => (
        <section key={g.tag} aria-labelledby={g.anchor} className="space-y-4">
          <SectionHeading id={g.anchor} title={<span className="capitalize">{g.tag}</span>} description={g.description} className="mb-0 scroll-mt-20" />
          {g.operations.map((op) => (
            <Operation key={op.anchor} op={op} />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="space-y-4">
        <SectionHeading
          id="schemas"
          title="Schemas"
          description="Response and request bodies named above. Errors are always { error: { code, message, details? } }."
          className="mb-0 scroll-mt-20"
        />
        {ref.schemas.map((s) => (
          <SchemaCard key={s.name} schema={s} />
        ))}
      </section>
    </div>
  );
}
