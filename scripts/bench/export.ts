// The CSV export of every seeded consultation (GET /api/consultations/export, no filter) as one
// coordinator downloads it: how long, how many rows and bytes, and the server's resident memory
// before and at its peak while it streams (sampled every 200 ms). Flat memory means the peak
// stays near the start however many rows: the export holds a batch, never the file.
import { cpuMillis, sampleMemory, serverTree } from "./server";

export type ExportResult = {
  rows: number;
  bytes: number;
  seconds: number;
  /** The server's resident memory (its process tree) just before the download, and its peak during it. */
  rssBeforeBytes: number;
  rssPeakBytes: number;
  /** Server CPU per 1,000 rows. */
  cpuMsPerThousandRows: number | null;
  status: number;
};

export async function measureExport({ baseUrl, cookie, serverPid }: { baseUrl: string; cookie: string; serverPid: number }): Promise<ExportResult> {
  const memory = sampleMemory(serverPid);
  const rssBeforeBytes = memory.current;
  const cpuBefore = cpuMillis(serverTree(serverPid));
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/consultations/export`, { headers: { cookie } });
  let bytes = 0;
  let newlines = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 0x0a) newlines += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMillis(serverTree(serverPid)) - cpuBefore;
  memory.stop();
  // The seeded values hold no line breaks: every line but the header is a row.
  const rows = Math.max(0, newlines - 1);
  return {
    rows,
    bytes,
    seconds,
    rssBeforeBytes,
    rssPeakBytes: memory.peak,
    cpuMsPerThousandRows: rows > 0 ? (cpu / rows) * 1000 : null,
    status: response.status,
  };
}
