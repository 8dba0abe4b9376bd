// One more Care Desk "instance" for the alert tests: a process of its own (its own database
// clients, nothing shared in memory). For each line "go <ISO time>" on stdin it evaluates the
// alerts and sends the notifications due at that instant, and prints what it did as one JSON
// line; so two of them, told at once, run at the same moment. "exit" ends it.
// Run: node --conditions=react-server --import tsx tests/support/alerts-instance.ts
import { createInterface } from "node:readline";
import { evaluateAlerts } from "../../lib/alerts/evaluate";
import { deliverAlertNotifications } from "../../lib/alerts/notify";
import { disconnectDb, readDb } from "../../lib/db";

await (await readDb()).alert.count(); // connected before the first signal
console.log("ready");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, time] = line.trim().split(" ");
  if (command === "exit") break;
  if (command !== "go" || !time) continue;
  const now = new Date(time);
  const evaluation = await evaluateAlerts(now);
  const delivery = await deliverAlertNotifications(now);
  console.log(JSON.stringify({ evaluation, delivery }));
}
lines.close();
await disconnectDb();
