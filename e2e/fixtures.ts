import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const KNOWN_WALLET = process.env.E2E_KNOWN_WALLET ?? "";

/** Pages a test looks at, with the serious accessibility problems axe finds on them. */
export const test = base.extend<{ axeViolations: (page: Page) => Promise<string[]> }>({
  // Playwright's fixture callback is named `use` by convention; it is not a React hook.
  axeViolations: async ({}, provide) => {
    await provide(async (page) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
    });
  },
});

export { expect };

/** The value of the page's stat card labelled exactly `label` (a <dt>, its value the <dd> after it). */
export function statValue(page: Page, label: string) {
  return page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

const SHOTS = path.resolve("test-results", "screenshots");

/** Full-page screenshots at desktop and phone widths, kept as artifacts to look at. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** Clicks `link` and reads the CSV it downloads: its file name, header and rows (cells split on commas). */
export async function downloadCsv(page: Page, link: Locator): Promise<{ filename: string; header: string[]; rows: string[][] }> {
  const downloadPromise = page.waitForEvent("download");
  await link.click();
  const download = await downloadPromise;
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  const [header, ...rows] = Buffer.concat(chunks)
    .toString("utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  return { filename: download.suggestedFilename(), header: header!, rows };
}
