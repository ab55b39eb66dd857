import { route } from "@/lib/server/http";
import { openApiDocument } from "@/lib/server/openapi/document";

export const GET = route(async () => Response.json(openApiDocument()));
