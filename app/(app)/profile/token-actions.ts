"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/commands";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { formDataToObject } from "@/lib/validation";

export type TokenFormState = FormState & { token?: string; name?: string };

export async function createToken(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  try {
    const created = await createApiToken({ actor: await currentUser(), input: formDataToObject(form) });
    revalidatePath("/profile");
    return { ok: true, token: created.token, name: created.name };
  } catch (error) {
    return toFormState(error, form);
  }
}

export async function revokeToken(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await revokeApiToken({ actor: await currentUser(), input: formDataToObject(form) });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/profile");
  return { ok: true };
}
