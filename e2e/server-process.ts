import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** SIGTERM, then wait for the exit (the embedded database is closed and its lock released). */
  stop(): Promise<number | null>;
}

/**
 * Starts the real server (`src/server/main.ts`, as `npm start` does) on the embedded database in
 * `dataDir` and waits until `/api/health` answers. A new directory gets the demo data; a copied
 * one starts as it was left.
 */
export async function startServer(dataDir: string, timeoutMs = 150_000): Promise<ServerProcess> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KECHUANG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    child,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
