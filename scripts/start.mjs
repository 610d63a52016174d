// `npm start`: build when the sources changed since the last build, then run server.ts in
// production mode (migrations and first-start demo data happen there). `--dev` skips the build
// and starts Next's development server instead.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
process.env.NODE_ENV = dev ? "development" : "production";

const SOURCES = ["app", "components", "lib", "db", "public", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function fingerprint() {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) walk(path.join(p, entry));
    } else {
      hash.update(p);
      hash.update(fs.readFileSync(p));
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

await import("./server-only-hook.mjs");
const { register } = await import("tsx/esm/api");
register();

// Fail fast on a bad environment, before spending a minute on the build.
const { env, EnvError } = await import(path.join(root, "lib", "env.ts"));
try {
  env();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}

if (!dev) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const stamp = path.join(root, distDir, "netzwerkstatt-sources");
  const current = fingerprint();
  const built = fs.existsSync(path.join(root, distDir, "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === current;
  if (!built) {
    console.info("› building Netzwerkstatt (first start or changed sources)…");
    const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
    fs.writeFileSync(stamp, current);
  }
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
await import(path.join(root, "server.ts"));
