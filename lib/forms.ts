import { AppError, type FieldErrors } from "./errors";
import { formDataToObject } from "./validation";

/**
 * What a server action hands back to its form. `values` echoes what was typed (never passwords),
 * so a failed submission keeps the user's input; `error` is a key of the `errors` namespace.
 */
export type FormState = {
  ok?: boolean;
  error?: string;
  fields?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
};

// Whole names for the password-confirmation fields: "confirmEmail" (account deletion) is no secret.
const SECRET_FIELDS = /password|token|^confirm$|^current$/i;

export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(formDataToObject(form))) {
    if (SECRET_FIELDS.test(key)) continue;
    values[key] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return values;
}

/** Known errors become form state; anything else (including Next's redirect) keeps propagating. */
export function toFormState(error: unknown, form: FormData): FormState {
  if (error instanceof AppError) {
    return { error: error.code, fields: error.fields, values: echoValues(form) };
  }
  throw error;
}
