// Strangers' load, in a process of its own (two autocannon runs in one process disturb each
// other): `tsx scripts/bench/flood.ts <baseUrl> <connections> <seconds> [addresses]` (16 by default). Prints
// "ready" once loaded and about to start, then, when done, autocannon's status-code counts and
// average rate as one JSON line.
import autocannon from "autocannon";
import { strangerFlood } from "./requests";

const [baseUrl, connections, seconds, addresses] = process.argv.slice(2);
console.log("ready");
const result = await autocannon({
  url: baseUrl!,
  connections: Number(connections),
  duration: Number(seconds),
  timeout: 30,
  requests: strangerFlood(addresses ? Number(addresses) : undefined),
});
console.log(JSON.stringify({ rps: result.requests.average, codes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])) }));
