import { z } from "zod";
import { locales, phaseTemplates, thinkTankStatuses, thinkTankVisibilities } from "@/db/schema";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

const requiredText = (max: number) =>
  z.string({ message: "required" }).trim().min(1, { message: "required" }).max(max, { message: "tooLong" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => v ?? "");

export const ZId = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "invalidChoice" });

/** Checkbox groups arrive as one string, several strings or (from the API) an array; duplicates collapse. */
export const ZIdList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(100, { message: "invalidChoice" })).max(50, { message: "tooLong" }));

/** Dates as YYYY-MM-DD (HTML date inputs); empty means none. */
const ZOptionalDate = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null)
  .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), { message: "invalidDate" });

export const ZTimebox = z
  .union([z.number(), z.string()])
  .optional()
  .nullable()
  .transform((v, ctx) => {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 24 * 60) {
      ctx.addIssue({ code: "custom", message: "invalidChoice" });
      return z.NEVER;
    }
    return n;
  });

export const ZLocale = z.enum(locales).optional().catch(undefined).transform((v) => v ?? "de");

export const ZCustomPhase = z.object({ name: requiredText(120), goal: optionalText(1000), timeboxMinutes: ZTimebox });
export type TCustomPhase = z.infer<typeof ZCustomPhase>;

/** Custom phases: an array from the API, or one phase name per line from the form's text area. */
const ZCustomPhases = z
  .union([z.string(), z.array(z.unknown())])
  .optional()
  .transform((v) => {
    if (Array.isArray(v)) return v;
    return (v ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
  })
  .pipe(z.array(ZCustomPhase).max(20, { message: "tooLong" }));

const thinkTankFields = {
  title: requiredText(200),
  question: requiredText(500),
  goals: optionalText(4000),
  visibility: z.enum(thinkTankVisibilities, { message: "invalidChoice" }).optional().transform((v) => v ?? "participants"),
  startsOn: ZOptionalDate,
  endsOn: ZOptionalDate,
};

function datesInOrder(v: { startsOn: string | null; endsOn: string | null }) {
  return !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
}

export const ZCreateThinkTank = z
  .object({
    ...thinkTankFields,
    template: z.enum(phaseTemplates, { message: "invalidChoice" }),
    customPhases: ZCustomPhases,
    /** Further moderators besides the creator; platform moderators or admins. */
    moderatorIds: ZIdList,
    /** Origin problems escalated into the new think-tank. */
    problemIds: ZIdList,
    /** Language of the template's phase names, goals and board titles. */
    locale: ZLocale,
  })
  .refine(datesInOrder, { path: ["endsOn"], message: "invalidDate" })
  .refine((v) => v.template !== "custom" || v.customPhases.length > 0, { path: ["customPhases"], message: "required" });
export type TCreateThinkTank = z.infer<typeof ZCreateThinkTank>;

export const ZThinkTankRef = z.object({ thinkTankId: ZId });

/** Fields not sent keep their value; which ones may change depends on the status (rules.ts). */
export const ZUpdateThinkTank = z.object({
  thinkTankId: ZId,
  title: requiredText(200).optional(),
  question: requiredText(500).optional(),
  goals: z.string().trim().max(4000, { message: "tooLong" }).optional(),
  visibility: z.enum(thinkTankVisibilities, { message: "invalidChoice" }).optional(),
  startsOn: ZOptionalDate.optional(),
  endsOn: ZOptionalDate.optional(),
});
export type TUpdateThinkTank = z.infer<typeof ZUpdateThinkTank>;

export const ZChangeThinkTankStatus = z
  .object({
    thinkTankId: ZId,
    to: z.enum(["active", "paused"], { message: "invalidChoice" }),
    reason: optionalText(1000),
  })
  .refine((v) => v.to !== "paused" || v.reason.length > 0, { path: ["reason"], message: "required" });
export type TChangeThinkTankStatus = z.infer<typeof ZChangeThinkTankStatus>;

/** Escalate into an existing think-tank (thinkTankId) — the new-think-tank case is ZCreateThinkTank. */
export const ZAttachProblems = z
  .object({ thinkTankId: ZId, problemIds: ZIdList, locale: ZLocale })
  .refine((v) => v.problemIds.length > 0, { path: ["problemIds"], message: "required" });
export type TAttachProblems = z.infer<typeof ZAttachProblems>;

export const ZThinkTankFilters = z.object({
  status: z.enum(thinkTankStatuses).optional().catch(undefined),
});
export type TThinkTankFilters = z.infer<typeof ZThinkTankFilters>;

export const ZPhaseMailsSetting = z.object({
  thinkTankId: ZId,
  enabled: z
    .union([z.boolean(), z.enum(["true", "false", "on", "1", "0"])])
    .transform((v) => v === true || v === "true" || v === "on" || v === "1"),
});
