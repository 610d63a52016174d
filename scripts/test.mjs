// `npm test`: the unit and integration tests (Vitest), then the end-to-end tests (Playwright against
// the production build, see playwright.config.ts). Works on a fresh clone after `npm install`:
// the one thing it needs from outside npm is a Chromium, which Playwright cannot download here, so
// it uses Debian's (installed with apt-get when running as root).
import { spawn, spawnSync } from "node:child_process";
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

const ANSI = /\x1b\[[0-9;]*m/g;

/** Test counts from the runners' own closing lines (Vitest: "Tests  N passed | M failed"; Playwright: "  N passed (…)"). */
function countTests(output) {
  const text = output.replace(ANSI, "");
  const counts = { passed: 0, failed: 0, skipped: 0, found: false };
  const vitest = text.match(/^\s*Tests\s+(.+\(\d+\))\s*$/m);
  if (vitest) {
    counts.found = true;
    for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      counts[kind === "todo" ? "skipped" : kind] += Number(n);
    }
    return counts;
  }
  for (const [, n, kind] of text.matchAll(/^\s+(\d+) (passed|failed|flaky|skipped|did not run|interrupted)\b/gm)) {
    counts.found = true;
    const key = kind === "passed" || kind === "flaky" ? "passed" : kind === "skipped" || kind === "did not run" ? "skipped" : "failed";
    counts[key] += Number(n);
  }
  return counts;
}

/** Runs a test runner with its output shown live, and keeps a copy to count its tests. */
function run(label, args) {
  const since = Date.now();
  console.info(`\n› ${label}: npx ${args.join(" ")}\n`);
  const env = { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: "1" } : {}) };
  const child = spawn("npx", args, { stdio: ["inherit", "pipe", "inherit"], env });
  let output = "";
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    output += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on("error", (error) => console.error(`✖ could not start npx: ${error.message}`));
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const counts = countTests(output);
      const tally = counts.found ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}` : "no test count";
      resolve({ label, ok, counts, detail: `${ok ? "passed" : `FAILED (exit ${code ?? signal})`} in ${elapsed(since)} (${tally})` });
    });
  });
}

ensureChromium();
const results = [];
results.push(await run("unit and integration tests", ["vitest", "run"]));
results.push(await run("end-to-end tests", ["playwright", "test"]));
const ok = results.every((r) => r.ok);
const passed = results.reduce((sum, r) => sum + r.counts.passed, 0);
const failed = results.reduce((sum, r) => sum + r.counts.failed, 0) + results.filter((r) => !r.ok && !r.counts.failed).length;
console.info(`\n${ok ? "✔" : "✖"} npm test ${ok ? "passed" : "FAILED"} in ${elapsed(started)}: ${results.map((r) => `${r.label} ${r.detail}`).join("; ")}`);
console.info(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
