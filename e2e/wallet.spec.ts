// A miner connects an injected wallet, signs in with Ethereum, and moves an NFT boost slot; the
// next jobs of the GPU that gained the slot earn the NFT multiplier. The NFT is minted on chain and
// reaches the portal through the indexer.
import type { Page } from "@playwright/test";
import { signedHeaders } from "../lib/signing";
import { e2eChain, waitIndexed } from "./chain";
import { devAccount } from "./chain-data";
import { expect, test } from "./fixtures";
import { E2E_SECRET, OWNER_KEY as KNOWN_KEY, OWNER_MINERS as KNOWN_MINERS, OWNER_WALLET as KNOWN_WALLET } from "./known-data";
import { injectTestWallet } from "./wallet-provider";

/** Opens the wallet panel and picks the test wallet, unless the wallet already authorized this site. */
async function connect(page: Page) {
  await page.getByRole("button", { name: "Connect wallet" }).click();
  const choice = page.getByRole("button", { name: "E2E Test Wallet" });
  await expect(choice.or(page.getByText(/Connected as/))).toBeVisible();
  if (await choice.isVisible()) await choice.click();
}

test("connect, sign in, move a boost slot: the next jobs are priced with it", async ({ page, request }) => {
  const minted = await e2eChain().mintNft(devAccount(0).address, KNOWN_WALLET as `0x${string}`);
  await waitIndexed(request, minted.blockNumber);

  await injectTestWallet(page, KNOWN_KEY);
  await page.goto("/");
  await connect(page);
  await expect(page.getByText(/Connected as 0x7099/i)).toBeVisible();
  await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
  await expect(page.getByText(/Signed in/)).toBeVisible();
  await page.getByRole("link", { name: "My mining" }).click();
  await expect(page).toHaveURL(new RegExp(`/wallets/${KNOWN_WALLET}`));

  // 1 NFT = 3 slots, held by default by the three earliest GPUs (a, b, c); the owner gives c's to d.
  const holders = page.getByRole("list", { name: "GPUs holding a boost slot" });
  await expect(holders.getByRole("listitem")).toHaveCount(3);
  await page.getByRole("button", { name: `Remove ${KNOWN_MINERS[2]} from the boost slots` }).click();
  await page.getByLabel("Add a GPU (miner ID)").fill(KNOWN_MINERS[3]);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Save boost slots" }).click();
  await expect(page.getByText(/Saved\. Jobs completed from now on/)).toBeVisible();

  const slots = await (await request.get(`/api/v1/wallets/${KNOWN_WALLET}/boost-slots`)).json();
  expect(slots.holders).toEqual([KNOWN_MINERS[0], KNOWN_MINERS[1], KNOWN_MINERS[3]]);

  const now = new Date().toISOString();
  const job = (id: string, miner: string) => ({
    job_id: id,
    miner_id: miner,
    model_id: "SDXL",
    status: "completed",
    completed_at: now,
    hardware: "NVIDIA GeForce RTX 4090",
    inference_latency: 4,
    width: 1024,
    height: 1024,
    num_iterations: 20,
  });
  const body = JSON.stringify({ jobs: [job("e2e-after-c", KNOWN_MINERS[2]!), job("e2e-after-d", KNOWN_MINERS[3]!)] });
  const res = await request.post("/api/v1/jobs", { headers: signedHeaders(E2E_SECRET, body), data: body });
  expect(res.status()).toBe(200);
  expect((await res.json()).results.map((r: { points: number }) => r.points)).toEqual([6, 6.6]);
});

test("a wallet on another network is asked to switch", async ({ page }) => {
  await injectTestWallet(page, KNOWN_KEY, 1);
  await page.goto("/");
  await connect(page);
  await expect(page.getByRole("dialog", { name: "Wallet" }).getByRole("alert")).toContainText(/on chain 1; the portal uses/);
  await expect(page.getByRole("button", { name: /Switch to/ })).toBeVisible();
});
