import { redirect } from "next/navigation";

/** The moderation area has one page so far: the problem inbox. */
export default function ModerationPage() {
  redirect("/moderation/problems");
}
