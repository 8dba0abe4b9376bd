// Fails fast, with a clear message, when the PostgreSQL that the integration tests need is not answering.
import pg from "pg";

const url = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query("SELECT 1");
  await client.end();
} catch (error) {
  const where = new URL(url).host;
  console.error(`\nPostgreSQL does not answer at ${where}: ${error.message}`);
  console.error("The integration tests run against SQLite AND PostgreSQL; they are never skipped.");
  console.error("Start PostgreSQL (e.g. pg_ctlcluster <version> main start), or point TEST_POSTGRES_URL at a local server.\n");
  process.exit(1);
}
