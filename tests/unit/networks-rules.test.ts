import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  RESERVED_SLUGS,
  SLUG_MAX_LENGTH,
  allowedStatusChanges,
  csvCell,
  isAllowedStatusChange,
  isStale,
  monthsBefore,
  slugify,
  staleCutoff,
  toCsv,
  uniqueSlug,
} from "@/lib/networks/rules";
import { parseDirectoryQuery, toNetworkFields, ZCreateNetwork, ZDeclineNetwork } from "@/lib/networks/schemas";

describe("the 12-month stale rule", () => {
  const now = new Date("2025-06-15T10:00:00Z");

  it("treats an entry confirmed 12 months ago (or earlier) as needing review", () => {
    expect(isStale(new Date("2024-06-15T10:00:00Z"), now)).toBe(true);
    expect(isStale(new Date("2023-01-01T00:00:00Z"), now)).toBe(true);
  });

  it("treats an entry confirmed less than 12 months ago as current", () => {
    expect(isStale(new Date("2024-06-15T10:00:01Z"), now)).toBe(false);
    expect(isStale(new Date("2025-01-01T00:00:00Z"), now)).toBe(false);
    expect(isStale(now, now)).toBe(false);
  });

  it("treats a never-confirmed entry as needing review", () => {
    expect(isStale(null, now)).toBe(true);
    expect(isStale(undefined, now)).toBe(true);
  });

  it("counts calendar months and clamps to the end of shorter months", () => {
    expect(monthsBefore(new Date("2024-02-29T12:00:00Z"), 12).toISOString()).toBe("2023-02-28T12:00:00.000Z");
    expect(monthsBefore(new Date("2025-03-31T00:00:00Z"), 1).toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(staleCutoff(now).toISOString()).toBe("2024-06-15T10:00:00.000Z");
  });

  it("agrees with its cutoff for any date (the SQL list uses the cutoff)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), (verified, at) => {
        expect(isStale(verified, at)).toBe(verified.getTime() <= staleCutoff(at).getTime());
      }),
    );
  });
});

describe("slugify", () => {
  it("transliterates German umlauts and ß", () => {
    expect(slugify("Bürgerforum Süd")).toBe("buergerforum-sued");
    expect(slugify("Größere Straße")).toBe("groessere-strasse");
    expect(slugify("ÄÖÜ äöü")).toBe("aeoeue-aeoeue");
  });

  it("strips other accents and punctuation and collapses separators", () => {
    expect(slugify("BiNet – Bildungsnetzwerk Münchner Stiftungen")).toBe("binet-bildungsnetzwerk-muenchner-stiftungen");
    expect(slugify("  Café & Crêpes!!  ")).toBe("cafe-crepes");
    expect(slugify("AK 90 Haspe")).toBe("ak-90-haspe");
  });

  it("never returns an empty slug and respects the length limit", () => {
    expect(slugify("!!!")).toBe("netzwerk");
    expect(slugify("")).toBe("netzwerk");
    const long = slugify("Sehr ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(long.endsWith("-")).toBe(false);
  });

  it("always yields a URL-safe slug", () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });
});

describe("uniqueSlug", () => {
  it("keeps a free slug, numbers a taken one and never hands out a reserved one", () => {
    expect(uniqueSlug("binet", [])).toBe("binet");
    expect(uniqueSlug("binet", ["binet"])).toBe("binet-2");
    expect(uniqueSlug("binet", ["binet", "binet-2", "binet-3"])).toBe("binet-4");
    expect(RESERVED_SLUGS.has("new")).toBe(true);
    expect(uniqueSlug("new", [])).toBe("new-2");
  });

  it("stays within the length limit when numbering", () => {
    const base = "a".repeat(SLUG_MAX_LENGTH);
    const slug = uniqueSlug(base, [base]);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith("-2")).toBe(true);
  });
});

describe("status changes", () => {
  it("lets active and paused networks move between each other and into the archive", () => {
    expect(allowedStatusChanges("active")).toEqual(["paused", "archived"]);
    expect(allowedStatusChanges("paused")).toEqual(["active", "archived"]);
    expect(isAllowedStatusChange("active", "paused")).toBe(true);
    expect(isAllowedStatusChange("paused", "archived")).toBe(true);
  });

  it("restores archived networks only to active, and never 'changes' to the same status", () => {
    expect(isAllowedStatusChange("archived", "active")).toBe(true);
    expect(isAllowedStatusChange("archived", "paused")).toBe(false);
    for (const s of ["active", "paused", "archived"] as const) expect(isAllowedStatusChange(s, s)).toBe(false);
  });
});

describe("CSV", () => {
  it("quotes cells with commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('Das "BiNet"')).toBe('"Das ""BiNet"""');
    expect(csvCell("Zeile 1\nZeile 2")).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell("x\r\ny")).toBe('"x\r\ny"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("writes empty cells for null and undefined and plain numbers and booleans", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(true)).toBe("true");
  });

  it("neutralises text that spreadsheets would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+49 89 123")).toBe("'+49 89 123");
    expect(csvCell("-x")).toBe("'-x");
  });

  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    const csv = toCsv([
      ["Name", "Sozialräume"],
      ["Straßenfest, Giesing", "Au; Haidhausen"],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}Name,Sozialräume\r\n"Straßenfest, Giesing",Au; Haidhausen\r\n`);
  });

  it("round-trips arbitrary text through a strict RFC 4180 parser", () => {
    const parse = (text: string): string[][] => {
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = "";
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") {
          row.push(cell);
          cell = "";
        } else if (c === "\r" && text[i + 1] === "\n") {
          row.push(cell);
          rows.push(row);
          row = [];
          cell = "";
          i++;
        } else cell += c;
      }
      return rows;
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = rows[0]?.length ?? 1;
        const even = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
        expect(parse(toCsv(even).slice(1))).toEqual(even);
      }),
    );
  });
});

describe("network input", () => {
  it("splits social areas, keeps their spelling and drops duplicates ignoring case", () => {
    const data = ZCreateNetwork.parse({ name: " BiNet ", socialAreas: "Sendling, sendling , Hasenbergl,," });
    expect(data.name).toBe("BiNet");
    expect(data.socialAreas).toEqual(["Sendling", "Hasenbergl"]);
  });

  it("reports field errors as message keys", () => {
    const result = ZCreateNetwork.safeParse({ name: "", contactEmail: "kein-mail", contactWebsite: "javascript:alert(1)", contactPublic: ["email", "secret"] });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(fields).toMatchObject({ name: "required", contactEmail: "email", contactWebsite: "website", contactPublic: "invalidChoice" });
  });

  it("keeps only filled-in contact fields and the public choices", () => {
    const fields = toNetworkFields(
      ZCreateNetwork.parse({ name: "X", contactEmail: "A@B.de", contactPhone: "", contactPublic: ["phone", "email"], listed: "true" }),
    );
    expect(fields.contact).toEqual({ email: "a@b.de", public: ["email", "phone"] });
    expect(fields.listed).toBe(true);
    expect(toNetworkFields(ZCreateNetwork.parse({ name: "X" })).listed).toBe(false);
  });

  it("requires a reason to decline", () => {
    expect(ZDeclineNetwork.safeParse({ network: "x", reason: "   " }).error?.issues[0]?.message).toBe("declineReasonRequired");
  });

  it("reads the directory query leniently (unknown status is no filter)", () => {
    expect(parseDirectoryQuery(new URLSearchParams("q=+Bildung+&status=nonsense&area="))).toEqual({ q: "Bildung", area: undefined, focus: undefined, status: undefined });
    expect(parseDirectoryQuery({ status: "paused", area: ["Sendling", "Au"] })).toMatchObject({ status: "paused", area: "Sendling" });
  });
});
