// Starts `next start` for a bench run on a given database, waits until it answers, samples the
// memory of its process tree from /proc, and stops it. The server gets a clean environment, so
// no variable of the caller's shell (a bearer token, say) changes what is measured.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { nextBin } from "../lib/build";
import { nextStartArgs, nextStartNodeArgs } from "../lib/next-start";
import { root } from "../lib/prisma-schemas";

export type BenchServer = {
  pid: number;
  baseUrl: string;
  /** The last lines the server printed (shown when something goes wrong). */
  output: string[];
  stop(): Promise<void>;
};

export type ServerOptions = {
  port: number;
  databaseUrl: string;
  /** whsec_… secret the server verifies and the load generator signs with. */
  signingSecret: string;
  /** Write a V8 CPU profile into this folder when the server exits. */
  cpuProfileDir?: string;
};

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use; choose another with --port`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startServer(options: ServerOptions): Promise<BenchServer> {
  await assertPortFree(options.port);
  const args = [
    ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    // As npm start runs it: the HTTP timeouts and the webhook front gate preloaded.
    ...nextStartNodeArgs,
    nextBin,
    "start",
    ...nextStartArgs,
    "--port",
    String(options.port),
    "--hostname",
    "127.0.0.1",
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      WEBHOOK_SIGNING_SECRETS: options.signingSecret,
      // The bench is the loopback proxy: the stranger flood names its senders in X-Forwarded-For.
      CARE_DESK_TRUSTED_PROXIES: "127.0.0.1",
      HOME: os.homedir(),
      TMPDIR: os.tmpdir(),
    },
  });
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on("data", remember);
  child.stderr!.on("data", remember);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM"); // next start exits on SIGTERM (and writes the CPU profile)
    await Promise.race([exit, sleep(15_000)]);
    if (!exited) {
      child.kill("SIGKILL");
      await exit;
    }
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited before answering:\n${output.join("\n")}`);
    try {
      const response = await fetch(`${baseUrl}/api/ping`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${output.join("\n")}`);
    }
    await sleep(200);
  }
  return { pid: child.pid!, baseUrl, output, stop };
}

/** The process and all its descendants (threads' children included), from /proc. */
function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${found[i]}/task`)) {
        const children = readFileSync(`/proc/${found[i]}/task/${task}/children`, "utf8").trim();
        if (children) found.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process has gone
    }
  }
  return found;
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of processes, in milliseconds, from /proc/<pid>/stat. */
export function cpuMillis(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // the name may contain spaces
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // the process has gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

export const serverTree = (pid: number) => processTree(pid);

/** Samples the RSS of a process tree every 200 ms; `peak` is the largest sum seen. */
export function sampleMemory(pid: number) {
  let peak = 0;
  let last = 0;
  const take = () => {
    last = processTree(pid).reduce((sum, member) => sum + rssBytes(member), 0);
    peak = Math.max(peak, last);
  };
  take();
  const timer = setInterval(take, 200);
  timer.unref();
  return {
    get peak() {
      return peak;
    },
    get current() {
      take();
      return last;
    },
    stop: () => clearInterval(timer),
  };
}

/** Jiffies (1/100 s) the machine's CPUs spent, in total and busy, since boot: from /proc/stat. */
export function machineCpu(): { total: number; busy: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const values = fields.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
  const idle = values[3]! + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { total, busy: total - idle };
}

/** Share of the machine's CPU that was busy over `ms` (all processes). */
export async function machineBusyShare(ms: number): Promise<number> {
  const before = machineCpu();
  await sleep(ms);
  const after = machineCpu();
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}
