// Settings the pages may show (never secrets).
import "server-only";
import { env } from "./env";

export const instanceName = env.CARE_DESK_NAME;
