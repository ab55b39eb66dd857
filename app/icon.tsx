import { appIcon } from "@/components/og/app-icon";
import { APP_ICON_SIZES } from "@/lib/site";

// PNG sizes of app/icon.svg for the web app manifest (/icon/192, /icon/512), made at build time.
export function generateImageMetadata() {
  return APP_ICON_SIZES.map((size) => ({ id: String(size), size: { width: size, height: size }, contentType: "image/png" }));
}

export default async function Icon({ id }: { id: Promise<string> }) {
  const size = Number(await id);
  if (!(APP_ICON_SIZES as readonly number[]).includes(size)) return new Response("Not found", { status: 404 });
  return appIcon(size);
}
