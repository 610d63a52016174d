import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/**
 * Parses input with a zod schema or throws `invalid_input` with field errors. Schemas use message
 * keys (e.g. "required", "email") as their messages; the UI looks them up in `fieldErrors`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  throw new AppError("invalid_input", "Invalid input", { fields });
}

/** Turns FormData into a plain object; repeated keys become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    const existing = out[key];
    if (existing === undefined) out[key] = v;
    else if (Array.isArray(existing)) existing.push(v);
    else out[key] = [existing, v];
  }
  return out;
}
