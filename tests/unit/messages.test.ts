import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorStatus } from "@/lib/errors";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import { messages, translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/templates";

type Tree = { [key: string]: string | Tree };

function keyPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`),
  );
}

/**
 * The argument names of an ICU message ({name}, {count, plural, one {…} other {…}}), including
 * those inside plural/select branches but not the branches' literal text.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const body = (): void => {
    // Literal text up to the end of this message (a closing brace) with arguments inside.
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = (): void => {
    i++; // {
    const head = /^\s*([^,}\s]+)\s*/.exec(message.slice(i));
    if (head) {
      names.add(head[1] ?? "");
      i += head[0].length;
    }
    if (message[i] === ",") {
      const type = /^,\s*(\w+)\s*/.exec(message.slice(i));
      i += type?.[0].length ?? 1;
      if (type && ["plural", "select", "selectordinal"].includes(type[1] ?? "") && message[i] === ",") {
        i++;
        // Options: selector {message} selector {message} …
        while (i < message.length && message[i] !== "}") {
          if (message[i] === "{") {
            i++;
            body();
            i++; // }
          } else i++;
        }
      } else {
        while (i < message.length && message[i] !== "}") i++; // number/date style
      }
    }
    i++; // }
  };
  body();
  return [...names].sort();
}

function lookup(tree: Tree, dotted: string): string | Tree | undefined {
  return dotted.split(".").reduce<string | Tree | undefined>((node, key) => (typeof node === "object" ? node[key] : undefined), tree);
}

const dir = path.join(process.cwd(), "lib", "i18n", "messages");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
/** de.json, de.networks.json, … : the German file of every area (each has an English twin). */
const areaFiles = fs.readdirSync(dir).filter((f) => /^de(\.[a-z-]+)?\.json$/.test(f));
const catalogues = { de: messages.de as unknown as Tree, en: messages.en as unknown as Tree };

describe("placeholders", () => {
  it.each([
    ["Hallo {name}!", ["name"]],
    ["{count, plural, =0 {niemanden} one {# Mitglied} other {# Mitglieder}}", ["count"]],
    ["{a} und {b, select, x {{c}} other {nichts}}", ["a", "b", "c"]],
    ["kein Platzhalter", []],
  ])("%s → %j", (message, expected) => {
    expect(placeholders(message)).toEqual(expected);
  });
});

describe("message files", () => {
  it("include the main files de.json and en.json", () => {
    expect(areaFiles).toContain("de.json");
    expect(keyPaths(de as unknown as Tree).length).toBeGreaterThan(50);
    expect(keyPaths(en as unknown as Tree).length).toBe(keyPaths(de as unknown as Tree).length);
  });

  it("come in German/English pairs", () => {
    const english = fs.readdirSync(dir).filter((f) => /^en(\.[a-z-]+)?\.json$/.test(f));
    expect(english.map((f) => f.replace(/^en/, "de")).sort()).toEqual([...areaFiles].sort());
  });

  it.each(areaFiles)("%s and its English twin have exactly the same keys", (file) => {
    const deKeys = keyPaths(read(file)).sort();
    const enKeys = keyPaths(read(file.replace(/^de/, "en"))).sort();
    expect(deKeys.filter((k) => !enKeys.includes(k)), `only in ${file}`).toEqual([]);
    expect(enKeys.filter((k) => !deKeys.includes(k)), `only in the English ${file}`).toEqual([]);
  });

  it("give every area its own top-level namespaces, so merging them overwrites nothing", () => {
    const owners = new Map<string, string>();
    for (const file of areaFiles) {
      for (const namespace of Object.keys(read(file))) {
        expect(owners.get(namespace), `${namespace} in ${file}`).toBeUndefined();
        owners.set(namespace, file);
      }
    }
    expect(keyPaths(catalogues.de).sort()).toEqual(keyPaths(catalogues.en).sort());
  });

  it("use the same placeholders in both languages and no empty messages", () => {
    for (const key of keyPaths(catalogues.de)) {
      const deMessage = lookup(catalogues.de, key) as string;
      const enMessage = lookup(catalogues.en, key) as string;
      expect(deMessage.trim(), `de ${key}`).not.toBe("");
      expect(enMessage.trim(), `en ${key}`).not.toBe("");
      expect(placeholders(enMessage), key).toEqual(placeholders(deMessage));
    }
  });

  it.each(Object.keys(errorStatus))("has a localised message for error code %s in both languages", (code) => {
    for (const [locale, tree] of Object.entries(catalogues)) {
      expect(typeof lookup(tree, `errors.${code}`), `${locale} errors.${code}`).toBe("string");
    }
  });

  it("has a fieldErrors message for every message key the schemas and commands use", () => {
    // The schemas' zod messages and the commands' `fields: { x: ["key"] }` are message keys.
    const sources = ["lib/users/schemas.ts", "lib/users/commands.ts"].map((file) => fs.readFileSync(path.join(process.cwd(), file), "utf8"));
    const used = new Set<string>();
    for (const source of sources) {
      for (const m of source.matchAll(/message: "([A-Za-z]+)"/g)) used.add(m[1] ?? "");
      for (const m of source.matchAll(/fields: \{ \w+: \["([A-Za-z]+)"\] \}/g)) used.add(m[1] ?? "");
    }
    expect(used.size).toBeGreaterThan(8);
    for (const key of used) {
      for (const [locale, tree] of Object.entries(catalogues)) {
        expect(typeof lookup(tree, `fieldErrors.${key}`), `${locale} fieldErrors.${key}`).toBe("string");
      }
    }
  });

  it("format with next-intl in both languages", () => {
    expect(translator("de", "errors")("forbidden")).not.toBe(translator("en", "errors")("forbidden"));
  });

  it.each(["de", "en"] as const)("renders every mail template in %s with its link", (locale) => {
    for (const kind of ["magicLink", "passwordReset", "welcome"] as const) {
      const mail = composeMail(kind, locale, "klara@example.org", { name: "Klara", url: "https://app.example/x?token=abc" });
      expect(mail).toMatchObject({ to: "klara@example.org", kind });
      expect(mail.subject.length).toBeGreaterThan(3);
      expect(mail.text).toContain("https://app.example/x?token=abc");
    }
  });
});
