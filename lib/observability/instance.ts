// Which server process this is, in logs, metrics and job runs: host, process id and a random
// part (a restarted process on the same host and pid is another instance). Kept on globalThis:
// Next.js bundles routes, pages and instrumentation separately, and they must all agree.
import { randomBytes } from "node:crypto";
import os from "node:os";

const holder = globalThis as unknown as { careDeskInstanceId?: string };

export const instanceId: string = (holder.careDeskInstanceId ??= `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`);
