import { apiRoute, readObject } from "@/lib/api/handler";
import { updateNetwork } from "@/lib/networks/commands";
import { getNetworkPage, getNetworkSettings } from "@/lib/networks/queries";

type Params = { slug: string };

/** Public for listed networks (like the page); members' names only for who sees the Work-Space. */
export const GET = apiRoute<Params>(async ({ actor, params }) => getNetworkPage(actor, params.slug));

/** Fields that are not sent keep their value: the current settings are the base of the update. */
export const PATCH = apiRoute<Params>(async ({ actor, params, request }) => {
  const body = await readObject(request);
  const { network } = await getNetworkSettings(actor, params.slug);
  const current = {
    name: network.name,
    focus: network.focus,
    description: network.description,
    socialAreas: network.socialAreas,
    hostName: network.hostName ?? "",
    contactOrganisation: network.contact.organisation ?? "",
    contactPerson: network.contact.person ?? "",
    contactEmail: network.contact.email ?? "",
    contactPhone: network.contact.phone ?? "",
    contactWebsite: network.contact.website ?? "",
    contactPublic: network.contact.public ?? [],
    listed: network.listed,
  };
  await updateNetwork({ actor, input: { ...current, ...body, network: params.slug } });
  return getNetworkPage(actor, params.slug);
});
