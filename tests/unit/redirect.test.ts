import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/profile", "/profile"],
    ["/networks/binet?tab=tasks#top", "/networks/binet?tab=tasks#top"],
    ["/admin/users?q=a%20b", "/admin/users?q=a%20b"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.com"],
    ["protocol-relative with path", "//evil.com/sign-in"],
    ["backslash", "/\\evil.com"],
    ["double backslash", "\\\\evil.com"],
    ["absolute https", "https://evil.com"],
    ["absolute http", "http://evil.com/profile"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["tab that browsers strip", "/\t/evil.com"],
    ["newline that browsers strip", "/\n/evil.com"],
    ["carriage return", "/\r/evil.com"],
    ["tab and backslash", "/\t\\evil.com"],
    ["relative without slash", "profile"],
    ["empty", ""],
    ["leading space", " //evil.com"],
  ])("sends %s (%j) home", (_name, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it.each([null, undefined, 42, ["/profile"], { path: "/profile" }])("sends a non-string (%j) home", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("never returns anything a browser would resolve to another origin", () => {
    const base = "https://netzwerkstatt.example";
    const attempts = ["//evil.com", "/\\evil.com", "/\t/evil.com", "/\t\\evil.com", "/ /evil.com", "/%2F%2Fevil.com", "/..//evil.com", "/.//evil.com"];
    for (const attempt of attempts) {
      expect(new URL(safeCallbackPath(attempt), base).origin, attempt).toBe(base);
    }
  });
});
