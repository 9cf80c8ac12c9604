// The progress bar a long first parse draws on a terminal's stderr: `papers: reading notes ███░░ 42%`.

/** Draws the bar for a share done (0..1) on `write`, once per percent; clears its line at 100 %. */
export function progressBar(write: (text: string) => void, label: string): (done: number) => void {
  let last = -1;
  return (done) => {
    const pct = Math.min(100, Math.floor(done * 100));
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    write(`\r${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(pct).padStart(3)}%`);
    if (pct >= 100) write('\r\u001b[2K');
  };
}
