// Entry point of the bundled CLI (dist/papers.cjs): wires main to the real process.
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';
import { nodeIo } from './io.js';

// NOTE: a bigger young generation: loading a large cached store otherwise spends a third of its
// time in scavenges that promote the very objects being loaded. It only grows when used.
setFlagsFromString('--max-semi-space-size=64');

// A closed pipe (`papers list | head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void main(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
