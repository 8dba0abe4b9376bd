// npm run audit:verify — walks the whole audit chain of DATABASE_URL's database, prints how many
// events it verified, records the run (the /audit page shows it), and exits 0 when intact, 1 when
// a row was edited, deleted or inserted (naming the first bad one), 2 when it could not run.
import { disconnectDb } from "../lib/db";
import { verifyAuditChain } from "../lib/audit/verify";

try {
  const result = await verifyAuditChain("cli");
  if (result.outcome === "intact") {
    console.log(`audit:verify: intact, ${result.events} events. ${result.message}`);
  } else {
    console.error(`audit:verify: BROKEN at event ${result.firstBadSeq ?? "?"} (after ${result.events} good events). ${result.message}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error("audit:verify: could not run:", error);
  process.exitCode = 2;
} finally {
  await disconnectDb();
}
