#!/usr/bin/env node
// `node bench/lsp.mjs [entries] [keystrokes]`: drives the real `papers lsp --stdio` over stdio, as an
// editor does, on a generated digest (bench/generate.mjs, 10k entries by default): the time from
// didOpen to the first diagnostics, then per keystroke (one character typed in an entry in the middle)
// the time from didChange to the diagnostics of that version, the server's debounce included.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateDigest } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = Number(process.argv[2] ?? 10000);
const keystrokes = Number(process.argv[3] ?? 20);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-bench-lsp-'));
fs.mkdirSync(path.join(work, 'notes'));
const file = path.join(work, 'notes', 'papers.md');
const text = generateDigest(entries, 1);
fs.writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), path.join(root, 'bin', 'papers.cjs'), 'lsp', '--stdio'], {
  cwd: work,
  env: { ...process.env, XDG_CACHE_HOME: path.join(work, 'cache'), PAPERS_NOTES: '' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(p.version);
  if (w) {
    waiting.delete(p.version);
    w(p);
  }
});
connection.onNotification('window/logMessage', (m) => process.stderr.write(`server: ${m.message}\n`));
connection.listen();
const diagnostics = (version) => new Promise((resolve) => waiting.set(version, resolve));

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {} });
connection.sendNotification('initialized', {});
let t = performance.now();
const first = diagnostics(1);
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
const p = await first;
const open = performance.now() - t;

// A line in the middle that is a note: type at its end.
const lines = text.split('\n');
let line = Math.floor(lines.length / 2);
while (!lines[line].startsWith('- ')) line++;
const times = [];
for (let k = 0; k < keystrokes; k++) {
  const version = k + 2;
  const character = lines[line].length + k;
  const got = diagnostics(version);
  t = performance.now();
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }] });
  await got;
  times.push(performance.now() - t);
  // As a typist pauses: the next keystroke after the diagnostics came.
  await new Promise((r) => setTimeout(r, 20));
}
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
times.sort((a, b) => a - b);
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`${entries} entries, ${(text.length / 1e6).toFixed(1)} M characters, ${p.diagnostics.length} findings`);
console.log(`didOpen -> diagnostics: ${ms(open)}`);
console.log(`didChange -> diagnostics over ${keystrokes} keystrokes: median ${ms(times[Math.floor(times.length / 2)])}, min ${ms(times[0])}, max ${ms(times.at(-1))}`);
fs.rmSync(work, { recursive: true, force: true });
