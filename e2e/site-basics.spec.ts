// Issue 15, item 5: what every site has. A first visit logs no failed request and no console error
// (the favicon included); the favicon, the web app manifest and every icon answer with real images;
// robots.txt keeps crawlers off the API and the query-string variants of the dashboards; a shared
// wallet or miner link previews with the headline numbers its page shows.
import type { Browser, Page } from "@playwright/test";
import { expect, KNOWN_WALLET, test } from "./fixtures";
import { robotsAllows, robotsRules } from "./robots";

const MINER = `${KNOWN_WALLET}-rig1`;
/** A link-preview crawler: Next.js puts the metadata in the <head> for it, not streamed later. */
const PREVIEW_BOT = "Twitterbot/1.0";

/** The image at `url` as an <img> decodes it (ICO and SVG included), with the response's status and content type. */
function decodeImage(page: Page, url: string) {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    const type = res.headers.get("content-type");
    const img = new Image();
    img.src = URL.createObjectURL(await res.blob());
    await img.decode();
    return { status: res.status, type, width: img.naturalWidth, height: img.naturalHeight };
  }, url);
}

/** The icons and the manifest the <head> links to. */
function headLinks(page: Page) {
  return page.evaluate(() =>
    [...document.head.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')].map((l) => ({
      rel: l.rel,
      href: l.getAttribute("href")!,
      type: l.type || null,
      sizes: l.getAttribute("sizes"),
    })),
  );
}

/** Open Graph and Twitter tags of the <head>. */
function shareTags(page: Page): Promise<Record<string, string | undefined>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.head.querySelectorAll<HTMLMetaElement>('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [m.getAttribute("property") ?? m.name, m.content]),
    ),
  );
}

/** The page as a link-preview crawler fetches it. */
async function openAsPreviewBot(browser: Browser, baseURL: string, path: string) {
  const context = await browser.newContext({ baseURL, userAgent: PREVIEW_BOT });
  const page = await context.newPage();
  const status = (await page.goto(path))?.status();
  return { page, context, status, tags: await shareTags(page) };
}

/** A stat card of the page: its value and the hint under it. */
function stat(page: Page, label: string) {
  const term = page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();
  return { value: () => term.locator("xpath=following-sibling::dd[1]").innerText(), hint: () => term.locator("xpath=following-sibling::dd[2]").innerText() };
}

/** What the page itself shows: its title (before the site's name) and its points stat cards. */
async function shown(page: Page) {
  const last24h = stat(page, "Points, last 24 h");
  return {
    title: (await page.title()).split(" · ")[0]!,
    waifu: await stat(page, "Waifu Points, all time").value(),
    llama: await stat(page, "Llama Points, all time").value(),
    points24h: await last24h.value(),
    split24h: await last24h.hint(),
  };
}

/** The share image: an absolute URL on this origin, a 1200 × 630 PNG. */
async function expectShareImage(page: Page, baseURL: string, url: string | undefined) {
  expect(url?.startsWith(`${baseURL}/`), url).toBe(true);
  expect(await decodeImage(page, url!)).toEqual({ status: 200, type: "image/png", width: 1200, height: 630 });
}

test("a first visit logs no failed request and no console error, the favicon included", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  // Chromium asks for a tab icon on its own once the page has loaded: /favicon.ico or one the <head> names.
  const tabIcon = page.waitForResponse((r) => /^\/(favicon\.ico|icon[./]|apple-icon)/.test(new URL(r.url()).pathname));
  expect((await page.goto("/"))?.status()).toBe(200);
  expect((await tabIcon).status()).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("/favicon.ico, the manifest and every icon they and the <head> name are real images", async ({ page, request }) => {
  await page.goto("/");
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  const ico = await decodeImage(page, "/favicon.ico");
  expect(ico.width).toBeGreaterThanOrEqual(16);
  expect(ico.height).toBe(ico.width);

  const links = await headLinks(page);
  const manifestLink = links.find((l) => l.rel === "manifest");
  expect(manifestLink?.href).toBe("/manifest.webmanifest");
  const res = await request.get(manifestLink!.href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = (await res.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest).toMatchObject({ name: "Heurist Mining Points", start_url: "/", display: "standalone" });
  expect(manifest.short_name.length).toBeLessThanOrEqual(15);
  // The light theme's colour, as the page's own theme-color tag for the light scheme has it.
  const light = await page.locator('meta[name="theme-color"][media="(prefers-color-scheme: light)"]').getAttribute("content");
  expect(manifest.theme_color).toBe(light);
  expect(manifest.background_color).toBe(light);

  expect(manifest.icons.filter((i) => i.type === "image/png").map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(links.filter((l) => l.rel === "apple-touch-icon")).toHaveLength(1);
  const icons = [
    ...manifest.icons.map((i) => ({ href: i.src, type: i.type, sizes: i.sizes })),
    ...links.filter((l) => l.rel !== "manifest").map((l) => ({ href: l.href, type: l.type, sizes: l.sizes })),
  ];
  for (const icon of icons) {
    const img = await decodeImage(page, icon.href);
    expect(img.status, icon.href).toBe(200);
    if (icon.type) expect(img.type, icon.href).toBe(icon.type);
    expect(img.width, icon.href).toBeGreaterThan(0);
    if (icon.sizes && icon.sizes !== "any") expect(`${img.width}x${img.height}`, icon.href).toBe(icon.sizes);
  }
  // Only the sizes made at build time: another size is not drawn on request.
  expect((await request.get("/icon/4096")).status()).toBe(404);
});

test("robots.txt lets crawlers read the pages and their images, not the API, the CSV exports or table variants", async ({ browser, baseURL, request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = robotsRules(await res.text(), "*");

  const { page, context, tags } = await openAsPreviewBot(browser, baseURL!, `/wallets/${KNOWN_WALLET}`);
  const image = new URL(tags["og:image"]!);
  const linked = [...(await headLinks(page)).map((l) => l.href), image.pathname + image.search];
  await context.close();
  for (const path of ["/", "/gpus", "/market", "/estimate", "/epochs", "/docs/api", `/wallets/${KNOWN_WALLET}`, `/miners/${MINER}`, "/favicon.ico", ...linked]) {
    expect(robotsAllows(rules, path), path).toBe(true);
  }
  for (const path of [
    `/api/v1/wallets/${KNOWN_WALLET}`,
    `/api/v1/wallets/${KNOWN_WALLET}/daily.csv`,
    `/api/v1/miners/${MINER}/ledger.csv?from=2024-01-01`,
    "/api/v1/market.csv",
    "/api/v1/admin/actions",
    `/wallets/${KNOWN_WALLET}?sort=minerId&order=asc`,
    "/market?sort=bribe",
  ]) {
    expect(robotsAllows(rules, path), path).toBe(false);
  }
});

test("a shared wallet link previews the wallet's points and GPUs as its page shows them", async ({ browser, baseURL }) => {
  const { page, context, status, tags } = await openAsPreviewBot(browser, baseURL!, `/wallets/${KNOWN_WALLET}`);
  expect(status).toBe(200);
  const s = await shown(page);
  const gpus = stat(page, "GPUs");
  const online = (await gpus.hint()).split(" · ")[0]!;
  expect(online).toMatch(/online in the last 24 h/);
  expect(tags["og:title"]).toBe(`${s.title}: ${s.waifu} Waifu and ${s.llama} Llama Points`);
  expect(tags["og:description"]).toBe(
    `All time: ${s.waifu} Waifu and ${s.llama} Llama Points. Last 24 h: ${s.points24h} points (${s.split24h}). ${await gpus.value()} GPUs, ${online}.`,
  );
  expect(tags["twitter:card"]).toBe("summary_large_image");
  expect(tags["twitter:title"]).toBe(tags["og:title"]);
  expect(tags["twitter:description"]).toBe(tags["og:description"]);
  expect(tags["og:site_name"]).toBe("Heurist Mining Points");
  await expectShareImage(page, baseURL!, tags["og:image"]);
  await context.close();
});

test("a shared miner link previews the GPU's points and last 24 h as its page shows them", async ({ browser, baseURL }) => {
  const { page, context, status, tags } = await openAsPreviewBot(browser, baseURL!, `/miners/${MINER}`);
  expect(status).toBe(200);
  const s = await shown(page);
  // rig1 serves image jobs only: its Llama Points are 0, left out of the title.
  expect(s.llama).toBe("0");
  const hardware = (await page.getByText(/ · registered \d{4}-\d\d-\d\d/).innerText()).split(" · ")[0]!;
  const badge = await page
    .getByRole("heading", { level: 1 })
    .getByText(/^(Online in 24 h|Idle)$/)
    .innerText();
  const state = badge === "Idle" ? "idle (online at no time in the last 24 h)" : "online in the last 24 h";
  expect(tags["og:title"]).toBe(`${s.title}: ${s.waifu} Waifu Points`);
  expect(tags["og:description"]).toBe(`All time: ${s.waifu} Waifu Points. Last 24 h: ${s.points24h} points (${s.split24h}). ${hardware}, ${state}.`);
  expect(tags["twitter:title"]).toBe(tags["og:title"]);
  await expectShareImage(page, baseURL!, tags["og:image"]);
  await context.close();
});

test("an unknown wallet's or miner's link answers 404 without figures, and so do their images", async ({ browser, baseURL, request }) => {
  const unknown = "0x000000000000000000000000000000000000dead";
  for (const path of [`/wallets/${unknown}`, `/miners/${unknown}-nope`]) {
    const { context, status, tags } = await openAsPreviewBot(browser, baseURL!, path);
    expect(status, path).toBe(404);
    expect(tags["og:description"] ?? "", path).not.toMatch(/Last 24 h/);
    await context.close();
    expect((await request.get(`${path}/opengraph-image`)).status(), `${path}/opengraph-image`).toBe(404);
  }
});
