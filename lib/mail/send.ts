import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; kind: string };

type Transport = { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> };
const TRANSPORT = Symbol.for("netzwerkstatt.smtp");
type Holder = { [TRANSPORT]?: Promise<Transport> };

function smtpTransport(url: string): Promise<Transport> {
  const holder = globalThis as Holder;
  return (holder[TRANSPORT] ??= import("nodemailer").then((nodemailer) => nodemailer.createTransport(url)));
}

/**
 * Every mail is recorded first. With SMTP_URL it is then delivered; without, the record is the
 * dev outbox (readable by admins) and the mail is logged, so every mail flow works offline.
 */
export async function sendMail(mail: Mail): Promise<{ id: string }> {
  const { SMTP_URL, MAIL_FROM } = env();
  const db = await getDb();
  const [row] = await db
    .insert(outboxEmails)
    .values({ ...mail, transport: SMTP_URL ? "smtp" : "outbox" })
    .returning({ id: outboxEmails.id });
  if (!row) throw new Error("outbox insert returned nothing");
  if (!SMTP_URL) {
    console.info(`[mail] ${mail.kind} → ${mail.to}: ${mail.subject}\n${mail.text}\n`);
    await db.update(outboxEmails).set({ sentAt: new Date() }).where(eq(outboxEmails.id, row.id));
    return row;
  }
  try {
    const transport = await smtpTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    await db.update(outboxEmails).set({ sentAt: new Date() }).where(eq(outboxEmails.id, row.id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[mail] delivery to ${mail.to} failed: ${message}`);
    await db.update(outboxEmails).set({ error: message }).where(eq(outboxEmails.id, row.id));
  }
  return row;
}
