import { z } from "zod";
import { problemStatuses, urgencies } from "@/db/schema";

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

/** Social areas arrive comma-separated from forms or as an array from the API. */
const ZSocialAreas = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const list = Array.isArray(v) ? v : (v ?? "").split(",");
    return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  })
  .pipe(z.array(z.string().max(60, { message: "tooLong" })).max(20, { message: "tooLong" }));

const ZId = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "invalidChoice" });

export const ZUrgency = z.enum(urgencies, { message: "invalidChoice" });
export const ZProblemStatus = z.enum(problemStatuses, { message: "invalidChoice" });

export const ZLogProblem = z.object({
  title: requiredText(200),
  description: requiredText(5000),
  affected: optionalText(2000),
  alreadyTried: optionalText(2000),
  urgency: ZUrgency,
  socialAreas: ZSocialAreas,
});
export type TLogProblem = z.infer<typeof ZLogProblem>;

export const ZChangeProblemStatus = z.object({
  problemId: ZId,
  to: ZProblemStatus,
  note: optionalText(1000),
});
export type TChangeProblemStatus = z.infer<typeof ZChangeProblemStatus>;

export const ZCommentOnProblem = z.object({
  problemId: ZId,
  body: requiredText(4000),
});
export type TCommentOnProblem = z.infer<typeof ZCommentOnProblem>;

export const ZProblemRef = z.object({ problemId: ZId });

/** Every command names its network (id or slug); the problem is always looked up inside it. */
export const ZNetworkRef = z.object({ network: ZId });

/** List filters from query strings: anything unknown is simply no filter. */
export const ZProblemFilters = z.object({
  status: ZProblemStatus.optional().catch(undefined),
  urgency: ZUrgency.optional().catch(undefined),
});
export type TProblemFilters = z.infer<typeof ZProblemFilters>;

export const ZInboxFilters = z.object({
  network: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  urgency: ZUrgency.optional().catch(undefined),
});
export type TInboxFilters = z.infer<typeof ZInboxFilters>;
