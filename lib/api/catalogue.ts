import type { Endpoint } from "./openapi";

/**
 * Every /api/v1 endpoint, documented once. Paths are relative to /api/v1; the route file for
 * `/networks/{slug}` lives in app/api/v1/networks/[slug]/route.ts (checked by a unit test).
 */
export const apiEndpoints: Endpoint[] = [
  {
    method: "get",
    path: "/me",
    tag: "Profile",
    summary: "The authenticated person's profile",
    auth: "required",
    success: { status: 200, description: "`{ user: { id, name, email, role, organisation, sector, expertise, bio, locale } }`" },
  },
];
