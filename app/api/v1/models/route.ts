import { route } from "@/lib/server/http";
import { getModelCatalog } from "@/lib/server/queries/models";

export const GET = route(async () => Response.json(getModelCatalog()));
