import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run sandbox (tsx sandbox/server.ts)', () => {
  it('prints the variables, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server.ts', '--records', '100'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    // The last line of the banner names the inspection URLs; everything before it is printed by then.
    for await (const line of reader) {
      lines.push(line);
      if (line.startsWith('Inspection:')) break;
    }
    const variables = Object.fromEntries(
      lines
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(variables).slice(0, 4)).toEqual([
      'PIPEDRIVE_API_BASE_URL',
      'PIPEDRIVE_OAUTH_BASE_URL',
      'PIPEDRIVE_CLIENT_ID',
      'PIPEDRIVE_CLIENT_SECRET',
    ]);
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(['HUBSPOT_API_BASE_URL', 'HUBSPOT_CLIENT_ID']));
    expect(lines).toContainEqual(expect.stringMatching(/^Pipedrive plan: growth, seats: 5/));

    const reply = await fetch(`${variables.PIPEDRIVE_API_BASE_URL}/api/v2/persons`);
    expect(reply.status).toBe(401);
    expect(await reply.json()).toEqual({
      success: false,
      error: 'unauthorized access',
      errorCode: 401,
      error_info: 'Please check developers.pipedrive.com',
    });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
