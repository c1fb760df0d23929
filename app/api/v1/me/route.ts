import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async ({ viewer }) => ({
  id: viewer.id,
  name: viewer.name,
  email: viewer.email,
  role: viewer.role,
  organisationId: viewer.organisationId,
}));
