// The estimator prices in the browser with the same library as the server: its numbers equal the
// estimate API's for the same inputs, before and after the visitor edits the form.
import { expect, test } from "./fixtures";

const perJob = (page: import("@playwright/test").Page) => page.getByTestId("points-per-job");

test("the estimator's points per job equal GET /api/v1/estimate, and follow edits without requests", async ({ page, request }) => {
  const query = "model=SDXL&width=768&height=768&steps=30&nfts=2&stake=55000&schedule=testnet-2024-09";
  const api = await (await request.get(`/api/v1/estimate?${query}`)).json();
  expect(api.points).toBeCloseTo(6.648438, 6);

  await page.goto(`/estimate?${query}`);
  await expect(perJob(page)).toHaveAttribute("data-value", String(api.points));
  await expect(page.getByTestId("breakdown-stake-multiplier")).toContainText("1.25");

  const apiCalls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/")) apiCalls.push(r.url());
  });
  await page.getByLabel(/^Steps/).fill("40");
  const edited = await (await request.get(`/api/v1/estimate?${query.replace("steps=30", "steps=40")}`)).json();
  await expect(perJob(page)).toHaveAttribute("data-value", String(edited.points));
  await expect(page).toHaveURL(/steps=40/);
  expect(apiCalls).toEqual([]);

  await page.getByLabel(/^Steps/).fill("19");
  await expect(perJob(page)).toHaveAttribute("data-value", "0");
  await expect(page.getByTestId("zero-reason")).toBeVisible();
});
