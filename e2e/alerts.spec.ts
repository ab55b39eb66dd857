// Issue 15: a miner signs in, watches one of its GPUs for going quiet; the GPU has stopped (its last
// job is 10 minutes old), so the worker raises the alert, which appears on the wallet page and in the
// wallet's and the miner's Atom feeds; a new job resolves it. Nobody else sees the watch.
import { signedHeaders } from "../lib/signing";
import { devAccount, sdxlJob } from "./chain-data";
import { expect, test } from "./fixtures";
import { E2E_SECRET } from "./known-data";
import { injectTestWallet } from "./wallet-provider";

/** Account 11 mines only here. */
const MINER = devAccount(11);
const GPU = `${MINER.address.toLowerCase()}-watched`;

test("a signed-in miner watches a GPU; it has stopped, so the alert is on the wallet page and in the feeds; a job resolves it", async ({ page, request, axeViolations }) => {
  test.setTimeout(120_000);
  const report = async (id: string, at: Date) => {
    const body = JSON.stringify({ jobs: [sdxlJob(id, GPU, at)] });
    expect((await request.post("/api/v1/jobs", { headers: signedHeaders(E2E_SECRET, body), data: body })).status()).toBe(200);
  };
  await report("e2e-watched-1", new Date(Date.now() - 10 * 60_000));

  await injectTestWallet(page, MINER.key);
  await page.goto(`/wallets/${MINER.address.toLowerCase()}`);
  const alerts = page.getByRole("region", { name: "Alerts" });
  await expect(alerts).toContainText("Sign in as this wallet");
  // A feed reader finds the feed from the page.
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", new RegExp(`/api/v1/wallets/${MINER.address.toLowerCase()}/feed\\.atom$`));
  await page.getByRole("button", { name: "Connect wallet" }).click();
  const choice = page.getByRole("button", { name: "E2E Test Wallet" });
  await expect(choice.or(page.getByText(/Connected as/))).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
  await expect(page.getByText(/Signed in/)).toBeVisible();
  await page.reload();

  const form = alerts.getByRole("form", { name: "Add a watch" });
  await form.getByLabel("Tell me when").selectOption("gpu_idle");
  await form.getByLabel(/GPU, node or wallet/).fill(GPU);
  await form.getByLabel(/Minutes without a completed job/).fill("5");
  await form.getByRole("button", { name: "Add watch" }).click();
  const watches = alerts.getByRole("region", { name: "Your watches" });
  await expect(watches).toContainText("No completed job for a while");

  // The worker evaluates every 2 s here; the page reads again every 10 s.
  const title = `${GPU}: no completed job for 5 minutes`;
  const recent = alerts.getByRole("region", { name: "Recent alerts" });
  await expect(recent.getByRole("listitem").filter({ hasText: title })).toContainText("ongoing", { timeout: 30_000 });
  await expect(watches).toContainText("alerting (1)");
  for (const feed of [`/api/v1/wallets/${MINER.address.toLowerCase()}/feed.atom`, `/api/v1/miners/${GPU}/feed.atom`]) {
    const res = await request.get(feed);
    expect(res.headers()["content-type"]).toContain("application/atom+xml");
    expect(await res.text()).toContain(title);
  }
  expect(await axeViolations(page)).toEqual([]);

  // The GPU completes a job: the episode is resolved on the page and in the feed.
  await report("e2e-watched-2", new Date());
  await expect(recent.getByRole("listitem").filter({ hasText: title })).toContainText("resolved", { timeout: 30_000 });
  await expect(watches).toContainText("ok");
  expect(await (await request.get(`/api/v1/miners/${GPU}/feed.atom`)).text()).toContain(`Resolved: ${title}`);

  // A visitor (no session) sees neither the watch nor its webhook: the API refuses them.
  expect((await request.get(`/api/v1/wallets/${MINER.address.toLowerCase()}/watches`)).status()).toBe(401);
});
