/**
 * A list as a table, styled by .data-table (app/globals.css): a table on wide screens, a
 * labelled card per row under 768 px (each cell carries its header as `data-label`).
 */
export function DataTable({ caption, headers, testId, children }: { caption: string; headers: readonly string[]; testId: string; children: React.ReactNode }) {
  return (
    <table className="data-table" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
