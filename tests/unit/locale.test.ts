import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage, resolveLocale } from "@/lib/i18n/locale";

describe("resolveLocale", () => {
  it.each([
    // [case, input, expected]
    ["nothing known → default de", {}, "de"],
    ["profile wins over cookie and header", { profile: "en", cookie: "de", acceptLanguage: "de" }, "en"],
    ["profile de wins over cookie en", { profile: "de", cookie: "en", acceptLanguage: "en" }, "de"],
    ["cookie wins over header", { cookie: "en", acceptLanguage: "de-DE,de;q=0.9" }, "en"],
    ["unsupported profile falls through to the cookie", { profile: "fr", cookie: "en" }, "en"],
    ["null profile falls through to the cookie", { profile: null, cookie: "en", acceptLanguage: "de" }, "en"],
    ["unsupported cookie falls through to the header", { cookie: "xx", acceptLanguage: "en-GB" }, "en"],
    ["header alone", { acceptLanguage: "en-US,en;q=0.9" }, "en"],
    ["header with only unsupported languages → de", { acceptLanguage: "fr-FR,fr;q=0.9,es;q=0.8" }, "de"],
    ["empty header → de", { acceptLanguage: "" }, "de"],
  ] as const)("%s", (_name, input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["en;q=0.5, de;q=0.8", "de"],
    ["de;q=0.5, en;q=0.8", "en"],
    ["fr, en;q=0.3, de;q=0.2", "en"],
    ["de;q=0, en;q=0.1", "en"], // q=0 means "not acceptable"
    ["en;q=0", null],
    ["EN-us", "en"],
    ["de-AT, en", "de"], // equal quality: order decides
    ["en, de", "en"],
    ["*", null],
    ["en;q=abc, de;q=0.4", "de"], // a garbled q-value does not count
    [" de-CH ; q=0.9 , en ; q=0.8 ", "de"],
    [null, null],
    [undefined, null],
  ] as const)("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("isLocale", () => {
  it.each([
    ["de", true],
    ["en", true],
    ["fr", false],
    ["DE", false],
    ["", false],
    [null, false],
    [42, false],
  ] as const)("%s → %s", (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});
