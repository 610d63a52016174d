import fs from "node:fs";
import path from "node:path";

/* Reads a V8 .cpuprofile (node --cpu-prof) and lists where the process spent its own time. */

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] };

export function summariseProfile(file: string, top = 15): string {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  // start.mjs waits in spawnSync while `next build` runs: that is the build, not the server at work.
  const isBuildWait = (n: ProfileNode) => n.callFrame.functionName === "spawnSync";
  const buildHits = profile.nodes.filter(isBuildWait).reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const totalHits = profile.nodes.reduce((sum, n) => sum + (isBuildWait(n) ? 0 : (n.hitCount ?? 0)), 0) || 1;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits || isBuildWait(node)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "")}:${lineNumber + 1}` : "(native)";
    const key = `${functionName || "(anonymous)"} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith("node:") ? "node core" : url ? "app" : functionName.startsWith("(") ? functionName : "native");
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const pct = (hits: number) => `${((100 * hits) / totalHits).toFixed(1).padStart(5)} %`;
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  const allHits = totalHits + buildHits;
  const lines = [
    `CPU profile ${path.basename(file)} (${seconds.toFixed(1)} s, of which ${((seconds * buildHits) / allHits).toFixed(1)} s waiting for next build, left out below):`,
    "  by package:",
  ];
  for (const [pkg, hits] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)) lines.push(`    ${pct(hits)}  ${pkg}`);
  lines.push("  by function (self time):");
  for (const [fn, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(hits)}  ${fn}`);
  return lines.join("\n");
}
