import { z } from "zod";
import { locales, platformRoles, sectors } from "@/db/schema";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

export const ZEmail = z
  .string({ message: "required" })
  .trim()
  .toLowerCase()
  .min(1, { message: "required" })
  .max(254, { message: "tooLong" })
  .pipe(z.email({ message: "email" }));

export const ZPassword = z
  .string({ message: "required" })
  .min(10, { message: "passwordTooShort" })
  .max(200, { message: "tooLong" });

const ZName = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(120, { message: "tooLong" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

export const ZSignUp = z.object({
  name: ZName,
  email: ZEmail,
  password: ZPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string({ message: "required" }).min(1, { message: "required" }).max(200, { message: "tooLong" }),
});

export const ZRequestEmailLink = z.object({ email: ZEmail });

export const ZResetPassword = z
  .object({
    token: z.string().min(20, { message: "tokenInvalid" }).max(200, { message: "tokenInvalid" }),
    password: ZPassword,
    confirm: z.string({ message: "required" }),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });

export const ZChangePassword = z
  .object({
    current: z.string({ message: "required" }).min(1, { message: "required" }),
    password: ZPassword,
    confirm: z.string({ message: "required" }),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });

/** Expertise arrives as a comma-separated string from forms or as an array from the API. */
const ZExpertise = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(",")))
  .pipe(
    z
      .array(z.string().trim().max(40, { message: "tagTooLong" }))
      .transform((tags) => [...new Set(tags.filter(Boolean).map((t) => t.toLowerCase()))])
      .pipe(z.array(z.string()).max(20, { message: "tooManyTags" })),
  );

export const ZProfile = z.object({
  name: ZName,
  organisation: optionalText(160),
  // One enum including "" (no sector): a union would report zod's "Invalid input", not a message key.
  sector: z
    .enum([...sectors, ""], { message: "invalidChoice" })
    .optional()
    .transform((v) => (v ? v : null)),
  expertise: ZExpertise,
  bio: optionalText(1000),
  locale: z.enum(locales, { message: "invalidChoice" }),
});
export type TProfile = z.infer<typeof ZProfile>;

export const ZChangeRole = z.object({
  userId: z.string().min(1, { message: "required" }),
  role: z.enum(platformRoles, { message: "invalidChoice" }),
});

export const ZSetDisabled = z.object({
  userId: z.string().min(1, { message: "required" }),
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const ZDeleteAccount = z.object({
  confirmEmail: ZEmail,
});
