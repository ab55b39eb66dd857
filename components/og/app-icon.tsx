// The PNG icons (the manifest's 192 and 512 px, the Apple touch icon) are app/icon.svg drawn at a
// size by next/og: one artwork, no second drawing to keep in step with it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";

/** app/icon.svg as a data URL. Read when an icon is rendered: at build time, from the project root. */
export function iconSvgDataUrl(): string {
  return `data:image/svg+xml;base64,${readFileSync(path.join(process.cwd(), "app", "icon.svg")).toString("base64")}`;
}

/**
 * How far a full-bleed icon is scaled past its edges: the SVG's 32-unit square has 7-unit rounded
 * corners, transparent up to 7 × (1 − 1/√2) ≈ 2.05 units in along the diagonal, and 32 / (32 − 2 × 2.05)
 * ≈ 1.147 pushes that outside the image while the glyph (units 8 to 24) stays whole.
 */
const BLEED = 1.15;

/** `fullBleed`: no transparent corners (iOS rounds a home-screen icon itself and fills transparency with black). */
export function appIcon(size: number, { fullBleed = false } = {}): ImageResponse {
  const drawn = fullBleed ? Math.ceil(size * BLEED) : size;
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", overflow: "hidden" }}>
      {/* eslint-disable-next-line @next/next/no-img-element -- next/og draws <img>; next/image is for pages */}
      <img src={iconSvgDataUrl()} width={drawn} height={drawn} alt="" />
    </div>,
    { width: size, height: size },
  );
}
