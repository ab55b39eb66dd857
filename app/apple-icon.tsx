import { appIcon } from "@/components/og/app-icon";

// The home-screen icon iOS asks for, made from app/icon.svg at build time.
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return appIcon(size.width, { fullBleed: true });
}
