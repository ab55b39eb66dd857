// How a crawler reads robots.txt (RFC 9309): the group for its user agent; the longest matching
// Allow or Disallow pattern decides (Allow on a tie), `*` matches any run of characters, a final
// `$` anchors the end; a path no rule matches is allowed.

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

/** The rules of the group whose User-Agent line names `agent` exactly. */
export function robotsRules(text: string, agent: string): RobotsRule[] {
  const rules: RobotsRule[] = [];
  let inGroup = false;
  let lastWasAgent = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const [key, value] = [m[1]!.toLowerCase(), m[2]!.trim()];
    if (key === "user-agent") {
      // Consecutive User-Agent lines open one group together.
      inGroup = (lastWasAgent && inGroup) || value === agent;
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (inGroup && (key === "allow" || key === "disallow") && value) rules.push({ allow: key === "allow", pattern: value });
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`).test(path);
}

/** Whether a crawler of this group may fetch `path` (path and query). */
export function robotsAllows(rules: RobotsRule[], path: string): boolean {
  let best: RobotsRule | undefined;
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
  }
  return best?.allow ?? true;
}
