// A CSV download as a web stream, written by csv-stringify's stream API: a UTF-8 byte order mark
// (so Excel reads Arabic as UTF-8), the formula rule of lib/csv.ts, and back-pressure all the
// way down. Records are pulled from `batches` only as fast as the client reads the bytes, so a
// download of a million rows holds a batch or two in memory, never the file.
import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { safeCsvOptions } from "../csv";

/** How the pipeline ends when the client cancels the download (not a failure worth a log line). */
const clientWentAway = new Set(["ABORT_ERR", "ERR_STREAM_PREMATURE_CLOSE"]);

async function* records(batches: AsyncIterable<string[][]>): AsyncGenerator<string[]> {
  for await (const batch of batches) yield* batch;
}

/**
 * The CSV bytes: a header line of `columns`, then one line per record. A failure while reading
 * `batches` aborts the stream (the client sees a cut-off download, never a complete-looking file);
 * `onError` is told. A client that goes away stops the reading (the generator is returned).
 */
export function csvStream(columns: readonly string[], batches: AsyncIterable<string[][]>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const stringifier = stringify({ ...safeCsvOptions, bom: true, header: true, columns: [...columns] });
  pipeline(Readable.from(records(batches)), stringifier, (error) => {
    if (error && !clientWentAway.has(String((error as NodeJS.ErrnoException).code))) onError(error);
  });
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
}

/** A CSV download: an attachment named `<stem>-<today, UTC>.csv`, never cached. */
export function csvAttachment(body: ReadableStream<Uint8Array>, stem: string): Response {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${stem}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
