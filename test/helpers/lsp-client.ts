// A language client for tests: spawns the real `bin/papers.cjs lsp --stdio` and speaks JSON-RPC to it
// with vscode-jsonrpc (Content-Length framing over the child's stdin and stdout), as an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const BIN = fileURLToPath(new URL('../../bin/papers.cjs', import.meta.url));

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    codeDescription: { href: string };
    source: string;
    message: string;
  }>;
}

export interface LogMessage {
  type: number;
  message: string;
}

export interface Client {
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  logs: LogMessage[];
  /** Every publishDiagnostics received, in order. */
  history: Published[];
  stderr: () => string;
  /** The next diagnostics published for `uri` that satisfy `accept` (the last published ones if they do). */
  diagnostics(uri: string, accept?: (p: Published) => boolean, timeoutMs?: number): Promise<Published>;
  open(uri: string, text: string, version?: number): void;
  close(uri: string): void;
  change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): void;
  request<R = unknown>(method: string, params: unknown): Promise<R>;
  /** shutdown, exit: resolves to the server's exit code. */
  stop(): Promise<number | null>;
  /** Resolves to the exit code once the process ended. */
  exited: Promise<number | null>;
}

/** A workspace folder with these files (paths relative to it), under a fresh temporary folder. */
export function workspace(files: Record<string, string>): { root: string; uri: (file: string) => string; path: (file: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), 'papers-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return { root, uri: (file) => pathToFileURL(path.join(root, file)).href, path: (file) => path.join(root, file) };
}

export async function startClient(options: { root: string | null; cwd?: string; args?: string[]; env?: Record<string, string> }): Promise<Client> {
  const cacheHome = mkdtempSync(path.join(tmpdir(), 'papers-lsp-cache-'));
  const child = spawn(process.execPath, [BIN, ...(options.args ?? []), 'lsp', '--stdio'], {
    cwd: options.cwd ?? options.root ?? tmpdir(),
    env: { ...process.env, NO_COLOR: '1', PAPERS_NOTES: '', XDG_CACHE_HOME: cacheHome, ...options.env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: LogMessage[] = [];
  const published = new Map<string, Published>();
  const history: Published[] = [];
  const waiters: Array<{ uri: string; accept: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  connection.onNotification('window/logMessage', (p: LogMessage) => void logs.push(p));
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.set(p.uri, p);
    history.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onRequest('workspace/configuration', () => []);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = options.root === null ? null : pathToFileURL(options.root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'notes' }] : null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    logs,
    history,
    stderr: () => stderr,
    exited,
    diagnostics(uri, accept = () => true, timeoutMs = 10_000) {
      const last = published.get(uri);
      if (last && accept(last)) return Promise.resolve(last);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; logs: ${JSON.stringify(logs)}; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    open(uri, text, version = 1) {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    close(uri) {
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    change(uri, version, changes) {
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    request: (method, params) => connection.sendRequest(method, params),
    async stop() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
