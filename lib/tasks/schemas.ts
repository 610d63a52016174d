import { z } from "zod";
import { taskStatuses } from "@/db/schema";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
export const LABEL_MAX = 40;
export const LABELS_MAX = 10;
export const COMMENT_MAX = 5_000;

/** The network a task lives in, by id or slug; the command resolves it through networkAccess. */
export const ZNetworkRef = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(200, { message: "tooLong" });
export const ZId = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "tooLong" });

export const ZTitle = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(TITLE_MAX, { message: "tooLong" });
export const ZDescription = z.string().max(DESCRIPTION_MAX, { message: "tooLong" }).transform((v) => v.replace(/\r\n/g, "\n").trim());
export const ZTaskStatus = z.enum(taskStatuses, { message: "invalidChoice" });

/** "" (a form's "nobody"/"none") and null both mean: not set. undefined means: not sent. */
const ZOptionalRef = z
  .union([z.string().trim().max(100, { message: "tooLong" }), z.null()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v ? v : null));

/** A calendar date that exists, stored as YYYY-MM-DD; "" or null clears it. */
export const ZDueDate = z
  .union([z.string().trim(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (!v) return null;
    // ISO from <input type="date"> and the API; German TT.MM.JJJJ where a browser shows a text field.
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    const iso = german ? `${german[3]}-${german[2]?.padStart(2, "0")}-${german[1]?.padStart(2, "0")}` : v;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return iso;
  });

/** Labels arrive comma-separated from forms or as an array from the API; duplicates (any case) go. */
export const ZLabels = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(",")).map((l) => l.trim().replace(/\s+/g, " ")).filter(Boolean)))
  .pipe(
    z
      .array(z.string().max(LABEL_MAX, { message: "labelTooLong" }))
      .max(LABELS_MAX, { message: "tooManyLabels" })
      .transform((labels) => {
        const seen = new Set<string>();
        return labels.filter((l) => (seen.has(l.toLowerCase()) ? false : (seen.add(l.toLowerCase()), true)));
      })
      .optional(),
  );

export const ZCreateTask = z.object({
  network: ZNetworkRef,
  title: ZTitle,
  description: ZDescription.optional().transform((v) => v ?? ""),
  status: z
    .enum([...taskStatuses, ""], { message: "invalidChoice" })
    .optional()
    .transform((v) => (v ? v : "open")),
  assigneeId: ZOptionalRef.transform((v) => v ?? null),
  dueDate: ZDueDate.transform((v) => v ?? null),
  labels: ZLabels.transform((v) => v ?? []),
  workingGroupId: ZOptionalRef.transform((v) => v ?? null),
});
export type TCreateTask = z.infer<typeof ZCreateTask>;

/** Only the fields that are sent change (the form sends all; the API may send some). */
export const ZUpdateTask = z.object({
  network: ZNetworkRef,
  taskId: ZId,
  title: ZTitle.optional(),
  description: ZDescription.optional(),
  status: ZTaskStatus.optional(),
  assigneeId: ZOptionalRef,
  dueDate: ZDueDate,
  labels: ZLabels,
  workingGroupId: ZOptionalRef,
});
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const moveDirections = ["left", "right", "up", "down"] as const;
export type MoveDirection = (typeof moveDirections)[number];

/**
 * A move is either one keyboard step (`direction`) or an exact target (`status` + `index`, for
 * drag and drop and the API). Index is the 0-based place in the target column after the move.
 */
export const ZMoveTask = z
  .object({
    network: ZNetworkRef,
    taskId: ZId,
    direction: z.enum(moveDirections, { message: "invalidChoice" }).optional(),
    status: ZTaskStatus.optional(),
    index: z.coerce.number({ message: "invalidChoice" }).int({ message: "invalidChoice" }).min(0, { message: "invalidChoice" }).max(100_000, { message: "invalidChoice" }).optional(),
  })
  .refine((v) => v.direction !== undefined || v.status !== undefined, { message: "required", path: ["direction"] });
export type TMoveTask = z.infer<typeof ZMoveTask>;

export const ZTaskRef = z.object({ network: ZNetworkRef, taskId: ZId });

export const ZAddTaskComment = z.object({
  network: ZNetworkRef,
  taskId: ZId,
  body: z.string({ message: "required" }).trim().min(1, { message: "required" }).max(COMMENT_MAX, { message: "tooLong" }),
});
