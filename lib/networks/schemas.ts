import { z } from "zod";
import { networkStatuses, type NetworkContact } from "@/db/schema";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

export const contactFields = ["organisation", "person", "email", "phone", "website"] as const;
export type ContactField = (typeof contactFields)[number];

const text = (max: number) =>
  z
    .string({ message: "required" })
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => v ?? "");

const requiredText = (max: number) => z.string({ message: "required" }).trim().min(1, { message: "required" }).max(max, { message: "tooLong" });

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: "tooLong" })
  .optional()
  .transform((v) => v ?? "")
  .pipe(z.union([z.literal(""), z.email({ message: "email" })]));

const optionalWebsite = z
  .string()
  .trim()
  .max(300, { message: "tooLong" })
  .optional()
  .transform((v) => v ?? "")
  .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "website" })]));

const optionalPhone = z
  .string()
  .trim()
  .max(40, { message: "tooLong" })
  .optional()
  .transform((v) => v ?? "")
  .pipe(z.union([z.literal(""), z.string().regex(/^[0-9+()/\-.\s]{3,}$/, { message: "phone" })]));

/** Social areas arrive comma-separated from forms or as an array from the API; kept as typed, de-duplicated ignoring case. */
export const ZSocialAreas = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(",")))
  .pipe(
    z
      .array(z.string().trim().max(60, { message: "areaTooLong" }))
      .transform((areas) => {
        const seen = new Set<string>();
        return areas.filter((a) => {
          const key = a.toLocaleLowerCase("de");
          if (!a || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      })
      .pipe(z.array(z.string()).max(20, { message: "tooManyAreas" })),
  );

const ZContactPublic = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(contactFields, { message: "invalidChoice" })));

/** Checkboxes send their value when ticked and nothing at all otherwise; the API may send booleans. */
const ZCheckbox = z
  .union([z.boolean(), z.enum(["true", "on", "1", "false", "0"], { message: "invalidChoice" })])
  .optional()
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");

/** The editable fields of a network, flat as a form sends them. */
const networkFields = {
  name: requiredText(120),
  focus: text(120),
  description: text(4000),
  socialAreas: ZSocialAreas,
  hostName: text(160),
  contactOrganisation: text(160),
  contactPerson: text(160),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
  contactWebsite: optionalWebsite,
  contactPublic: ZContactPublic,
  listed: ZCheckbox,
};

type FlatNetwork = {
  name: string;
  focus: string;
  description: string;
  socialAreas: string[];
  hostName: string;
  contactOrganisation: string;
  contactPerson: string;
  contactEmail: string;
  contactPhone: string;
  contactWebsite: string;
  contactPublic: ContactField[];
  listed: boolean;
};

export type NetworkFields = {
  name: string;
  focus: string;
  description: string;
  socialAreas: string[];
  hostName: string | null;
  contact: NetworkContact;
  listed: boolean;
};

/** Flat form fields → the row's shape; empty contact fields are dropped, not stored as "". */
export function toNetworkFields(v: FlatNetwork): NetworkFields {
  const contact: NetworkContact = {};
  if (v.contactOrganisation) contact.organisation = v.contactOrganisation;
  if (v.contactPerson) contact.person = v.contactPerson;
  if (v.contactEmail) contact.email = v.contactEmail;
  if (v.contactPhone) contact.phone = v.contactPhone;
  if (v.contactWebsite) contact.website = v.contactWebsite;
  contact.public = contactFields.filter((f) => v.contactPublic.includes(f));
  return {
    name: v.name,
    focus: v.focus,
    description: v.description,
    socialAreas: v.socialAreas,
    hostName: v.hostName || null,
    contact,
    listed: v.listed,
  };
}

const ZNetworkRef = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "tooLong" });

export const ZCreateNetwork = z.object({ ...networkFields, coordinatorEmail: optionalEmail });
export type TCreateNetwork = z.input<typeof ZCreateNetwork>;

export const ZProposeNetwork = z.object(networkFields);
export type TProposeNetwork = z.input<typeof ZProposeNetwork>;

export const ZUpdateNetwork = z.object({ network: ZNetworkRef, ...networkFields });
export type TUpdateNetwork = z.input<typeof ZUpdateNetwork>;

export const ZChangeNetworkStatus = z.object({ network: ZNetworkRef, status: z.enum(networkStatuses, { message: "invalidChoice" }) });
export type TChangeNetworkStatus = z.input<typeof ZChangeNetworkStatus>;

export const ZNetworkOnly = z.object({ network: ZNetworkRef });

export const ZDeclineNetwork = z.object({
  network: ZNetworkRef,
  reason: z.string({ message: "declineReasonRequired" }).trim().min(1, { message: "declineReasonRequired" }).max(2000, { message: "tooLong" }),
});
export type TDeclineNetwork = z.input<typeof ZDeclineNetwork>;

/**
 * The directory's query: the same parameters for the page, the JSON API and the CSV download.
 * Lenient on purpose (shared URLs outlive filter values): an unknown status is simply no filter.
 */
export const ZDirectoryQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  area: z
    .string()
    .trim()
    .max(60)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  focus: z
    .string()
    .trim()
    .max(120)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  status: z.enum(networkStatuses).optional().catch(undefined),
});
export type DirectoryQuery = z.output<typeof ZDirectoryQuery>;

/** URLSearchParams or Next's searchParams object → the directory query (first value of repeated keys). */
export function parseDirectoryQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): DirectoryQuery {
  const get = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  return ZDirectoryQuery.parse({ q: get("q"), area: get("area"), focus: get("focus"), status: get("status") });
}
