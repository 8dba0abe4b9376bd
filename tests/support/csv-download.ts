// A CSV download read back as a spreadsheet would (csv-parse, byte order mark dropped): its bytes,
// header, raw lines and rows by column name. Shared by the export tests.
import { parse } from "csv-parse/sync";

export async function readCsvDownload<Row extends Record<string, string>>(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const records = parse(Buffer.from(bytes), { bom: true }) as string[][];
  const [header, ...lines] = records;
  const rows = lines.map((line) => Object.fromEntries(header!.map((name, index) => [name, line[index]])) as Row);
  return { bytes, header: header!, lines, rows };
}
