/** Running the builders: child processes with their output in a log file, timed. */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface RunOptions {
  /** Append stdout and stderr (and the command line) to this file. */
  log?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Keep stdout in the result (otherwise it only goes to the log). */
  capture?: boolean;
  /** Kill the process after this many seconds. */
  timeoutSeconds?: number;
}

export interface RunResult {
  stdout: string;
  seconds: number;
}

export class CommandError extends Error {
  constructor(
    message: string,
    readonly log: string | undefined,
  ) {
    super(message);
  }
}

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Runs a command; rejects with CommandError (naming the log) when it exits non-zero. */
export function run(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const { log, env, cwd, capture = false, timeoutSeconds } = options;
  const line = [cmd, ...args].map(quote).join(' ');
  if (log) appendFileSync(log, `\n$ ${line}\n`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let tail = '';
    const keepTail = (b: Buffer) => {
      tail = (tail + b.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', (b: Buffer) => {
      if (capture) chunks.push(b);
      else keepTail(b);
      if (log && !capture) appendFileSync(log, b);
    });
    child.stderr.on('data', (b: Buffer) => {
      keepTail(b);
      if (log) appendFileSync(log, b);
    });
    const timer = timeoutSeconds ? setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000) : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(new CommandError(`${line}: ${e.message}`, log));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (log) appendFileSync(log, `# exit ${code ?? signal} after ${seconds.toFixed(1)} s\n`);
      if (code === 0) resolve({ stdout: Buffer.concat(chunks).toString('utf8'), seconds });
      else {
        const last = tail.trim().split('\n').slice(-6).join('\n');
        reject(new CommandError(`\`${line.slice(0, 200)}\` failed (${code === null ? `signal ${signal}` : `exit ${code}`})${last ? `:\n${last}` : ''}`, log));
      }
    });
  });
}

/** True when the command runs and exits 0. */
export async function succeeds(cmd: string, args: readonly string[], timeoutSeconds = 30): Promise<boolean> {
  try {
    await run(cmd, args, { capture: true, timeoutSeconds });
    return true;
  } catch {
    return false;
  }
}
