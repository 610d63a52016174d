import { z } from "zod";

export const ZCreateApiToken = z.object({
  name: z.string({ message: "required" }).trim().min(1, { message: "required" }).max(80, { message: "tooLong" }),
});

export const ZRevokeApiToken = z.object({ tokenId: z.string().min(1, { message: "required" }) });

/** Tokens look like `nzw_<43 url-safe chars>`; the prefix lets secret scanners recognise them. */
export const API_TOKEN_PREFIX = "nzw_";
