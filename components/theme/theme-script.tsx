import { THEME_COOKIE } from "./theme-cookie";

// Runs before first paint, only when no choice is stored yet: follows prefers-color-scheme so a
// first visit in a dark OS does not flash white. With a cookie the server already set the class.
export const THEME_SCRIPT = `(function(){try{if(document.cookie.indexOf("${THEME_COOKIE}=")===-1&&window.matchMedia("(prefers-color-scheme: dark)").matches){document.documentElement.classList.add("dark")}}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
