import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "test-results/**", "playwright-report/**", "node_modules/**", "lib/server/generated/**", ".data/**", "next-env.d.ts"] },
];

export default config;
