// Printed once at server start while no admin exists: the one line with the setup link.
import "server-only";
import { env } from "../env";
import { log } from "../observability/log";
import { issueSetupLinkIfNoAdmin } from "./setup-link";

// The one line meant for the person starting the server (README quotes it verbatim), so it is
// written as plain text on standard output, not as a JSON log line.
const printLine = (line: string) => void process.stdout.write(`${line}\n`);

export async function announceSetupLink(print: (line: string) => void = printLine): Promise<void> {
  try {
    const link = await issueSetupLinkIfNoAdmin();
    if (!link) return;
    const base = env.CARE_DESK_PUBLIC_URL?.replace(/\/+$/, "") ?? "http://<this server>";
    print(`Care Desk has no admin yet: open ${base}${link.path} within one hour to create the first one (single use; a new link at each start until then).`);
  } catch (error) {
    // A database that is not migrated yet (next start without npm start) must not stop the server.
    log.error({ err: error }, "setup link: could not be issued");
  }
}
