"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms";
import { createNetwork, proposeNetwork } from "@/lib/networks/commands";
import { formDataToObject } from "@/lib/validation";

export async function createNetworkAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await createNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/networks");
  redirect(`/networks/${slug}?created=1`);
}

export async function proposeNetworkAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    ({ slug } = await proposeNetwork({ actor: await currentUser(), input: formDataToObject(form) }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath("/admin/proposals");
  redirect(`/networks/${slug}?proposed=1`);
}
