/** Runs a bundled CLI as a child process on Node 24, with only the environment a test gives it. */
import { spawn } from 'node:child_process';
import { node24 } from './run-action.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBundledCli(cli: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // Not inherited: a GITHUB_TOKEN or ANTHROPIC_API_KEY of the machine running the tests must not get in.
    const child = spawn(node24(), [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
