// Issue 15: a miner signs in, watches one of its GPUs for going quiet with a webhook to its own
// receiver; the GPU has stopped (its last job is 10 minutes old), so the worker raises the alert,
// which appears on the wallet page, in the wallet's and the miner's Atom feeds and, signed, on the
// receiver; "Send test event" goes the same way; a new job resolves it. Nobody else sees the watch.
import { signBody, signedHeaders } from "../lib/signing";
import { startReceiver, type Receiver } from "../tests/support/receiver";
import { devAccount, sdxlJob } from "./chain-data";
import { expect, test } from "./fixtures";
import { E2E_SECRET } from "./known-data";
import { injectTestWallet } from "./wallet-provider";

/** Account 11 mines only here. */
const MINER = devAccount(11);
const GPU = `${MINER.address.toLowerCase()}-watched`;

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(() => receiver.close());

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
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    new RegExp(`/api/v1/wallets/${MINER.address.toLowerCase()}/feed\\.atom$`),
  );
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
  await form.getByLabel(/Webhook URL/).fill(`${receiver.url}/hook`);
  await form.getByRole("button", { name: "Add watch" }).click();
  const watches = alerts.getByRole("region", { name: "Your watches" });
  await expect(watches).toContainText("No completed job for a while");
  // The signing secret, shown once.
  const secret = (await alerts.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);

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
  // The worker posted the alert to the webhook, signed with that secret; the page logs the delivery.
  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  const post = receiver.received[0]!;
  expect(post.headers["x-heurist-signature"]).toBe(signBody(secret, post.headers["x-heurist-timestamp"] as string, post.body));
  expect(JSON.parse(post.body).alerts[0].title).toBe(title);
  const deliveries = watches.getByRole("list", { name: /^Deliveries of watch/ });
  await expect(deliveries).toContainText("alert.raised · delivered after 1 attempt · HTTP 200", { timeout: 30_000 });
  // "Send test event": the same signed path, logged too.
  await watches.getByRole("button", { name: /^Send a test event/ }).click();
  await expect.poll(() => receiver.received.map((r) => JSON.parse(r.body).type), { timeout: 30_000 }).toContain("test");
  await expect(deliveries).toContainText("test · delivered", { timeout: 30_000 });
  expect(await axeViolations(page)).toEqual([]);

  // The GPU completes a job: the episode is resolved on the page and in the feed.
  await report("e2e-watched-2", new Date());
  await expect(recent.getByRole("listitem").filter({ hasText: title })).toContainText("resolved", { timeout: 30_000 });
  await expect(watches).toContainText("ok");
  expect(await (await request.get(`/api/v1/miners/${GPU}/feed.atom`)).text()).toContain(`Resolved: ${title}`);

  // A visitor (no session) sees neither the watch nor its webhook: the API refuses them.
  expect((await request.get(`/api/v1/wallets/${MINER.address.toLowerCase()}/watches`)).status()).toBe(401);
});
