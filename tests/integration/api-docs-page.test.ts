// The API page is rendered from the OpenAPI document: every path and method the document lists
// appears on it with its own anchor, parameters carry name, place, requirement and type, and
// every schema a response names is described on the page it links to.
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import ApiReferencePage from "@/app/docs/api/page";
import { GET } from "@/app/api/v1/openapi.json/route";

type Operation = { operationId: string; parameters?: { name: string; in: string; required?: boolean }[] };

const html = renderToStaticMarkup(ApiReferencePage());
const text = html
  .replace(/<[^>]+>/g, " ")
  .replace(/&quot;/g, '"')
  .replace(/&amp;/g, "&")
  .replace(/\s+/g, " ");

async function documentPaths(): Promise<Record<string, Record<string, Operation>>> {
  const res = await GET(new Request("http://localhost/api/v1/openapi.json"));
  return (await res.json()).paths;
}

test("every path and method of openapi.json is on the API page, with an anchor the contents link to", async () => {
  const paths = await documentPaths();
  expect(Object.keys(paths).length).toBeGreaterThan(30);
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const anchor = `id="${op.operationId}"`;
      expect(html, `${method} ${path}`).toContain(anchor);
      expect(html, `${method} ${path}`).toContain(`href="#${op.operationId}"`);
      // The operation's heading names the method and the path.
      const article = html.slice(html.indexOf(anchor), html.indexOf("</article>", html.indexOf(anchor)));
      expect(article).toContain(`>${method.toUpperCase()}</span>`);
      expect(article).toContain(`>${path.replace(/&/g, "&amp;")}</code>`);
    }
  }
});

test("parameters are listed with where they go, whether required, and their type", async () => {
  const op = (await documentPaths())["/api/v1/leaderboard"]!.get!;
  const start = html.indexOf(`id="${op.operationId}"`);
  const article = html
    .slice(start, html.indexOf("</article>", start))
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
  expect(op.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["type", "window", "page", "pageSize"]));
  for (const p of op.parameters!) expect(article).toMatch(new RegExp(`${p.name} in ${p.in} ${p.required ? "required" : "optional"}`));
  expect(article).toContain('"24h" | "7d" | "all"');
  expect(article).toMatch(/200 .*Leaderboard/);
});

test("every schema a response links to is described on the page, and the raw document is linked", () => {
  const links = [...html.matchAll(/href="#(schema-[^"]+)"/g)].map((m) => m[1]!);
  expect(links.length).toBeGreaterThan(10);
  for (const id of new Set(links)) expect(html, id).toContain(`id="${id}"`);
  expect(html).toContain('href="/api/v1/openapi.json"');
  expect(text).toMatch(/API reference/);
});
