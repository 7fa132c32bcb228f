import pg from 'pg';

/** One short-lived connection to the server's admin database (CREATE/DROP DATABASE cannot run in a pool's transaction). */
async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE, optionally as a copy of a template (used for the demo database and test isolation). */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const ident = pg.escapeIdentifier(name);
  await withAdminClient(adminUrl, (client) =>
    client.query(
      template ? `CREATE DATABASE ${ident} TEMPLATE ${pg.escapeIdentifier(template)}` : `CREATE DATABASE ${ident}`,
    ),
  );
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const result = await withAdminClient(adminUrl, (client) =>
    client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]),
  );
  return result.rowCount === 1;
}
