import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/*
 * End-to-end tests run against the production build, started through server.ts by
 * e2e/global-setup.ts (fresh database, free port). The port is picked here, once, in the runner
 * process: the workers inherit E2E_PORT from its environment, so every process agrees on the URL.
 * Cookies are host-only, so the server's APP_URL and the tests' baseURL use the same host:
 * `localhost`, because Next.js rewrites loopback addresses such as 127.0.0.1 to localhost in the
 * request URLs that route handlers (Auth.js) see, so redirects name localhost either way.
 */
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(
    process.execPath,
    ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
    { encoding: "utf8" },
  ).trim();
}
const baseURL = `http://localhost:${process.env.E2E_PORT}`;

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Two cores: two workers share the one server; tests never rely on each other's data.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: "list",
  // Password hashing (scrypt, 128 MiB) makes every sign-in and sign-up cost real CPU time.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        locale: "de-DE",
        launchOptions: {
          executablePath: chromiumPath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
        },
      },
    },
  ],
});
