// Entry point of the bundled CLI (dist/papers.cjs): wires main to the real process.
import { main } from './main.js';
import { nodeIo } from './io.js';

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
