import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { formDataToObject, parseInput } from "@/lib/validation";
import {
  ZChangePassword,
  ZChangeRole,
  ZDeleteAccount,
  ZProfile,
  ZResetPassword,
  ZSetDisabled,
  ZSignIn,
  ZSignUp,
} from "@/lib/users/schemas";

/** Field → message keys, as parseInput reports them (what the forms show). */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", status: 400 });
    return (error as AppError).fields ?? {};
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

const validSignUp = { name: "Klara Koch", email: "klara@example.org", password: "zehn-zeichen" };
const validProfile = { name: "Klara Koch", locale: "de" };

describe("ZSignUp", () => {
  it("accepts a valid sign-up and normalises the e-mail", () => {
    expect(ZSignUp.parse({ ...validSignUp, name: "  Klara Koch ", email: "  Klara@Example.ORG " })).toEqual({
      name: "Klara Koch",
      email: "klara@example.org",
      password: "zehn-zeichen",
    });
  });

  it.each([
    ["missing everything", {}, { name: ["required"], email: ["required"], password: ["required"] }],
    ["blank name", { ...validSignUp, name: "   " }, { name: ["required"] }],
    ["name too long", { ...validSignUp, name: "x".repeat(121) }, { name: ["tooLong"] }],
    ["empty e-mail", { ...validSignUp, email: "" }, { email: ["required"] }],
    ["not an e-mail", { ...validSignUp, email: "klara-at-example.org" }, { email: ["email"] }],
    ["e-mail too long", { ...validSignUp, email: `${"a".repeat(250)}@x.de` }, { email: ["tooLong"] }],
    ["password of 9 characters", { ...validSignUp, password: "123456789" }, { password: ["passwordTooShort"] }],
    ["password too long", { ...validSignUp, password: "x".repeat(201) }, { password: ["tooLong"] }],
    ["password not a string", { ...validSignUp, password: 1234567890 }, { password: ["required"] }],
  ])("%s → field error keys", (_name, input, expected) => {
    expect(fieldErrors(ZSignUp, input)).toEqual(expected);
  });

  it("accepts a password of exactly 10 characters", () => {
    expect(ZSignUp.safeParse({ ...validSignUp, password: "1234567890" }).success).toBe(true);
  });
});

describe("ZSignIn", () => {
  it.each([
    ["empty", {}, { email: ["required"], password: ["required"] }],
    ["empty password", { email: "a@b.de", password: "" }, { password: ["required"] }],
  ])("%s → field error keys", (_name, input, expected) => {
    expect(fieldErrors(ZSignIn, input)).toEqual(expected);
  });

  it("does not apply the sign-up length rule to existing passwords", () => {
    expect(ZSignIn.safeParse({ email: "a@b.de", password: "short" }).success).toBe(true);
  });
});

describe("ZProfile", () => {
  it("turns the expertise string 'a, b, a' into ['a', 'b']", () => {
    expect(ZProfile.parse({ ...validProfile, expertise: "a, b, a" }).expertise).toEqual(["a", "b"]);
  });

  it.each([
    [undefined, []],
    ["", []],
    [" , ,", []],
    ["Moderation, design thinking ,MODERATION", ["moderation", "design thinking"]],
    [["Bildung", " bildung ", "", "Migration"], ["bildung", "migration"]],
  ])("expertise %j → %j", (expertise, expected) => {
    expect(ZProfile.parse({ ...validProfile, expertise }).expertise).toEqual(expected);
  });

  it("maps empty optional fields to null", () => {
    expect(ZProfile.parse({ ...validProfile, organisation: "  ", sector: "", bio: "" })).toEqual({
      name: "Klara Koch",
      organisation: null,
      sector: null,
      expertise: [],
      bio: null,
      locale: "de",
    });
  });

  it("keeps a valid sector and trims text", () => {
    expect(ZProfile.parse({ ...validProfile, organisation: " Bürgerstiftung ", sector: "foundation", bio: " Hallo " })).toMatchObject({
      organisation: "Bürgerstiftung",
      sector: "foundation",
      bio: "Hallo",
    });
  });

  it.each([
    ["missing name and locale", {}, { name: ["required"], locale: ["invalidChoice"] }],
    ["unknown sector", { ...validProfile, sector: "military" }, { sector: ["invalidChoice"] }],
    ["unknown locale", { ...validProfile, locale: "fr" }, { locale: ["invalidChoice"] }],
    ["organisation too long", { ...validProfile, organisation: "x".repeat(161) }, { organisation: ["tooLong"] }],
    ["bio too long", { ...validProfile, bio: "x".repeat(1001) }, { bio: ["tooLong"] }],
    ["tag too long", { ...validProfile, expertise: `ok, ${"x".repeat(41)}` }, { expertise: ["tagTooLong"] }],
    ["21 tags", { ...validProfile, expertise: Array.from({ length: 21 }, (_, i) => `tag${i}`).join(",") }, { expertise: ["tooManyTags"] }],
  ])("%s → field error keys", (_name, input, expected) => {
    expect(fieldErrors(ZProfile, input)).toEqual(expected);
  });

  it("counts tags after removing duplicates (20 distinct of 25 given are fine)", () => {
    const tags = [...Array.from({ length: 20 }, (_, i) => `tag${i}`), "tag1", "TAG2", "tag3", " tag4", ""];
    expect(ZProfile.parse({ ...validProfile, expertise: tags }).expertise).toHaveLength(20);
  });
});

describe("password change and reset", () => {
  const token = "t".repeat(43);
  it.each([
    ["mismatch", ZChangePassword, { current: "old", password: "new-password-1", confirm: "new-password-2" }, { confirm: ["passwordMismatch"] }],
    ["missing current", ZChangePassword, { password: "new-password-1", confirm: "new-password-1" }, { current: ["required"] }],
    ["short new password", ZChangePassword, { current: "old", password: "short", confirm: "short" }, { password: ["passwordTooShort"] }],
    ["reset mismatch", ZResetPassword, { token, password: "new-password-1", confirm: "other-password" }, { confirm: ["passwordMismatch"] }],
    ["reset with a short token", ZResetPassword, { token: "abc", password: "new-password-1", confirm: "new-password-1" }, { token: ["tokenInvalid"] }],
  ] as const)("%s → field error keys", (_name, schema, input, expected) => {
    expect(fieldErrors(schema, input)).toEqual(expected);
  });
});

describe("admin and account schemas", () => {
  it.each([
    [{ userId: "u1", disabled: true }, true],
    [{ userId: "u1", disabled: "true" }, true],
    [{ userId: "u1", disabled: "false" }, false],
    [{ userId: "u1", disabled: false }, false],
  ])("ZSetDisabled reads %j", (input, expected) => {
    expect(ZSetDisabled.parse(input).disabled).toBe(expected);
  });

  it("rejects a role that does not exist and an empty user id", () => {
    expect(fieldErrors(ZChangeRole, { userId: "", role: "owner" })).toEqual({ userId: ["required"], role: ["invalidChoice"] });
  });

  it("normalises the confirmation e-mail for account deletion", () => {
    expect(ZDeleteAccount.parse({ confirmEmail: " Me@Example.org " })).toEqual({ confirmEmail: "me@example.org" });
    expect(fieldErrors(ZDeleteAccount, { confirmEmail: "nope" })).toEqual({ confirmEmail: ["email"] });
  });
});

describe("parseInput", () => {
  it("returns the parsed output on success", () => {
    expect(parseInput(ZSignUp, { ...validSignUp, email: "A@B.DE" }).email).toBe("a@b.de");
  });

  it("collects several messages per field and form-level errors under _form", () => {
    const fields = fieldErrors(ZSignUp, "not an object");
    expect(Object.keys(fields)).toEqual(["_form"]);
    expect(fields._form?.length).toBeGreaterThan(0);
  });

  it("groups nested issues under their top-level field", () => {
    const fields = fieldErrors(ZProfile, { ...validProfile, expertise: ["ok", "x".repeat(41), "y".repeat(41)] });
    expect(fields).toEqual({ expertise: ["tagTooLong", "tagTooLong"] });
  });
});

describe("formDataToObject", () => {
  it("keeps single values, turns repeated keys into arrays and drops Next's action fields", () => {
    const form = new FormData();
    form.append("name", "Klara");
    form.append("tag", "a");
    form.append("tag", "b");
    form.append("tag", "c");
    form.append("$ACTION_ID_abc", "");
    form.append("file", new File(["x"], "upload.txt"));
    expect(formDataToObject(form)).toEqual({ name: "Klara", tag: ["a", "b", "c"], file: "upload.txt" });
  });
});
