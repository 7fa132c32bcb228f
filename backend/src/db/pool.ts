import pg from 'pg';

export type Db = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

export function createPool(databaseUrl: string, max = 10): Db {
  return new pg.Pool({ connectionString: databaseUrl, max });
}

/**
 * Runs `work` in one transaction: committed if it resolves, rolled back if it throws. A connection that
 * dies mid-transaction (the server killed it, the network broke) rolls the transaction back by itself; it
 * is discarded rather than returned to the pool, and its 'error' event must not crash the process.
 */
export async function withTransaction<T>(db: Db, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!broken) await client.query('ROLLBACK').catch((rollbackError: Error) => onError(rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
