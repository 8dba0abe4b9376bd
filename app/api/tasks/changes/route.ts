// GET /api/tasks/changes — tasks created or changed since a cursor (the worklist's live refresh)
import { getTaskChanges } from "@/lib/data/tasks";
import { changesEndpoint } from "@/lib/http/changes-endpoint";

export const dynamic = "force-dynamic";

export const GET = changesEndpoint({ route: "GET /api/tasks/changes", acceptsId: false, read: (caller, since) => getTaskChanges(caller, since) });
