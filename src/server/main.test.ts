import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client';
import { loadReferenceData } from './db/seed/reference';
import { CSRF_HEADER, CSRF_VALUE } from './platform/access';
import { createUser } from './test/harness';

// The server as operators run it: a real process, real signals, a real socket.
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: Record<string, string>): Run {
  // node --import tsx: one process, so SIGTERM reaches the server itself, not a wrapper that relays it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, KECHUANG_WEB_DIR: path.join(os.tmpdir(), 'kc-no-web'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

/** Resolves with `work`, or rejects once `ms` have passed: a hang is a failure, not a stuck test. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function get(agent: http.Agent, port: number, urlPath: string) {
  return new Promise<{ status: number; body: string; socket: net.Socket }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socket: req.socket as net.Socket }));
    });
    req.on('error', reject);
  });
}

/** True once the port refuses new connections: the server has begun closing. */
async function refusing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

/**
 * A sign-in whose body arrives in two halves: the request is routed and waiting for the rest of
 * its body (in flight) until `finish` is called.
 */
function slowSignIn(agent: http.Agent, port: number) {
  const body = JSON.stringify({ username: 'nobody.at.all', password: 'not-the-password' });
  let answered!: (r: { status: number; connection: string | undefined }) => void;
  const answer = new Promise<{ status: number; connection: string | undefined }>((resolve) => {
    answered = resolve;
  });
  const req = http.request(
    {
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/auth/login',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        [CSRF_HEADER]: CSRF_VALUE,
      },
    },
    (res) => {
      res.resume();
      res.on('end', () => answered({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    },
  );
  req.on('error', (e) => answered({ status: -1, connection: String(e) }));
  req.write(body.slice(0, 10));
  return { answer, socket: () => req.socket as net.Socket, finish: () => req.end(body.slice(10)) };
}

describe('the server process', () => {
  const dirs: string[] = [];
  const runs: Run[] = [];
  afterAll(() => {
    for (const r of runs)
      if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('on SIGTERM finishes an in-flight request, closes keep-alive connections, releases the data directory and exits 0', async () => {
    // A data directory that already has a user skips the demo data, which takes minutes.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-shutdown-'));
    dirs.push(dataDir);
    const prepared = await openDatabase({ dataDir });
    await loadReferenceData(prepared.db, 'quanzhou');
    await createUser(prepared, 'staff');
    await prepared.close();

    const port = await freePort();
    const run = start({ KECHUANG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    runs.push(run);
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    let first: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 300 && !first; i++) {
      if (run.child.exitCode !== null) throw new Error(`server exited:\n${run.output()}`);
      first = await get(agent, port, '/api/health').catch(() => undefined);
      if (!first) await new Promise((r) => setTimeout(r, 500));
    }
    expect(first?.status, run.output()).toBe(200);
    const lockFile = path.join(dataDir, 'kechuang.lock');
    expect(fs.existsSync(lockFile)).toBe(true);
    // The answered request leaves its connection open and idle, as a browser's would be.
    expect(first!.socket.destroyed).toBe(false);
    const idleClosed = new Promise((resolve) => first!.socket.once('close', resolve));
    // A second keep-alive connection carries a request that is still receiving its body.
    const busyAgent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const inFlight = slowSignIn(busyAgent, port);
    await new Promise((r) => setTimeout(r, 500));

    const sent = Date.now();
    run.child.kill('SIGTERM');
    while (!(await refusing(port))) await new Promise((r) => setTimeout(r, 50));
    inFlight.finish();
    const answer = await within(10_000, inFlight.answer, 'answer to the in-flight request');
    const exit = await within(10_000, run.exited, 'exit after SIGTERM');
    console.log(`shutdown with keep-alive connections (one idle, one in flight): ${Date.now() - sent} ms`);
    expect(exit, run.output()).toEqual({ code: 0, signal: null });
    expect(answer).toEqual({ status: 401, connection: 'close' });
    await within(1_000, idleClosed, 'idle keep-alive socket closed');
    expect(inFlight.socket().destroyed).toBe(true);
    expect(fs.existsSync(lockFile)).toBe(false);
    agent.destroy();
    busyAgent.destroy();
  }, 240_000);

  it('started against an unreachable PostgreSQL prints one line without a stack and exits 1', async () => {
    const run = start({
      DATABASE_URL: 'postgres://kc:secret-pw@127.0.0.1:1/kechuang',
      KECHUANG_SECRET_KEY: '0'.repeat(64),
      DB_CONNECT_RETRIES: '0',
    });
    runs.push(run);
    const exit = await within(180_000, run.exited, 'exit when the database is unreachable');
    expect(exit.code).toBe(1);
    const lines = run
      .output()
      .split('\n')
      .filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Cannot reach the database at 127.0.0.1:1/kechuang');
    expect(lines[0]).toContain('ECONNREFUSED');
    expect(lines[0]).not.toContain('secret-pw');
  }, 240_000);
});
