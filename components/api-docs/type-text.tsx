import { schemaAnchor, type TypeText } from "@/lib/server/openapi/reference";

/** A schema type; component names link to their description further down the page. */
export function TypeLabel({ type }: { type: TypeText }) {
  return (
    <code className="font-mono text-xs [overflow-wrap:anywhere] text-zinc-800 dark:text-zinc-200">
      {type.map((piece, i) =>
        piece.ref ? (
          <a key={i} href={`#${schemaAnchor(piece.ref)}`} className="text-indigo-700 underline decoration-dotted underline-offset-2 dark:text-indigo-300">
            {piece.text}
          </a>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </code>
  );
}
