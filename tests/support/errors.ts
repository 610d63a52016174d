import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** Awaits a promise that must reject with an AppError, and returns that error for further checks. */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected an AppError").toBeInstanceOf(AppError);
  return error as AppError;
}
