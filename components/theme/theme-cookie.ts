// Shared by the server layout (reads it to render the right class) and the toggle (writes it).
export const THEME_COOKIE = "theme";
export type ThemeChoice = "light" | "dark";

export function parseTheme(value: string | undefined): ThemeChoice | undefined {
  return value === "light" || value === "dark" ? value : undefined;
}
