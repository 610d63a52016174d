// `npm test`: the unit and integration tests (Vitest), then the end-to-end tests (Playwright against
// the production build, see playwright.config.ts). Works on a fresh clone after `npm install`:
// the one thing it needs from outside npm is a Chromium, which Playwright cannot download here, so
// it uses Debian's (installed with apt-get when running as root).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const started = Date.now();
const INSTALL = "apt-get update && apt-get install -y chromium";

function elapsed(since) {
  const seconds = Math.round((Date.now() - since) / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

function ensureChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  const executable = explicit || "/usr/bin/chromium";
  if (fs.existsSync(executable)) return;
  if (explicit) {
    console.error(`\n✖ CHROMIUM_PATH=${explicit} does not exist. Point it at a Chromium binary, or unset it to use /usr/bin/chromium.\n`);
    process.exit(1);
  }
  if (process.getuid?.() !== 0) {
    console.error(`\n✖ The end-to-end tests need Chromium at /usr/bin/chromium. Install it with:\n\n    sudo sh -c '${INSTALL}'\n\n  (or set CHROMIUM_PATH to an existing Chromium binary)\n`);
    process.exit(1);
  }
  console.info(`› Chromium missing: ${INSTALL}`);
  const result = spawnSync("sh", ["-c", INSTALL], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0 || !fs.existsSync(executable)) {
    console.error(`\n✖ Installing Chromium failed (exit ${result.status}). Run \`${INSTALL}\` yourself and retry.\n`);
    process.exit(1);
  }
}

function run(label, args) {
  const since = Date.now();
  console.info(`\n› ${label}: npx ${args.join(" ")}\n`);
  const result = spawnSync("npx", args, { stdio: "inherit", env: process.env });
  if (result.error) console.error(`✖ could not start npx: ${result.error.message}`);
  const ok = result.status === 0;
  return { label, ok, detail: ok ? `passed in ${elapsed(since)}` : `FAILED (exit ${result.status ?? result.signal}) after ${elapsed(since)}` };
}

ensureChromium();
const results = [run("unit and integration tests", ["vitest", "run"]), run("end-to-end tests", ["playwright", "test"])];
const ok = results.every((r) => r.ok);
console.info(`\n${ok ? "✔" : "✖"} npm test ${ok ? "passed" : "FAILED"} in ${elapsed(started)}: ${results.map((r) => `${r.label} ${r.detail}`).join("; ")}`);
process.exit(ok ? 0 : 1);
