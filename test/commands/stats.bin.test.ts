import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The real bin/ running the real git (.ci/run installs it) in a temporary repository whose commits
// are dated by hand.
const bin = fileURLToPath(new URL('../../bin/papers.cjs', import.meta.url));
const dirs: string[] = [];

const temp = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-stats-'));
  dirs.push(dir);
  return dir;
};

const gitEnv = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

function commitAt(cwd: string, date: string, text: string): void {
  writeFileSync(path.join(cwd, 'notes', 'papers.md'), text);
  git(cwd, 'add', '-A');
  const r = spawnSync('git', ['commit', '-q', '-m', `notes of ${date}`], { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv, GIT_AUTHOR_DATE: `${date}T12:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+08:00` } });
  if (r.status !== 0) throw new Error(r.stderr);
}

const papers = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv, NO_COLOR: '1', PAPERS_NOTES: '', XDG_CACHE_HOME: path.join(cwd, '.cache') } });

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('papers stats --by (bin, real git)', () => {
  it('counts entries by the month their heading was first committed, gaps as 0, uncommitted apart', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'notes'));
    git(dir, 'init', '-q');
    const v1 = "# 每周论文合集\n\n## 推荐系统\n### A[KDD'18]\n- a\n### B[KDD'19]\n";
    commitAt(dir, '2024-01-10', v1);
    // B's notes change later: its heading line keeps its January date.
    const v2 = `${v1}- b\n### C[KDD'20]\n`;
    commitAt(dir, '2024-01-28', v2);
    const v3 = `${v2}### D[KDD'21]\n`;
    commitAt(dir, '2024-04-02', v3);
    // Not committed yet.
    writeFileSync(path.join(dir, 'notes', 'papers.md'), `${v3}### E[KDD'22]\n`);

    const r = papers(dir, 'stats', '--by', 'month', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.byMonth).toEqual([
      { name: '2024-01', count: 3 },
      { name: '2024-02', count: 0 },
      { name: '2024-03', count: 0 },
      { name: '2024-04', count: 1 },
    ]);
    expect(json.uncommitted).toBe(1);

    const weeks = JSON.parse(papers(dir, 'stats', '--by', 'week', '--json').stdout);
    expect(weeks.byWeek[0]).toEqual({ name: '2024-W02', count: 2 });
    expect(weeks.byWeek.at(-1)).toEqual({ name: '2024-W14', count: 1 });

    const text = papers(dir, 'stats', '--by', 'month');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/by month \(when the heading was first committed\)\n  2024-01  █+ 3\n  2024-02  0\n  2024-03  0\n  2024-04  █+[▏▎▍▌▋▊▉]? 1\n/);
    expect(text.stdout).toContain('1 entry not committed yet');
  });

  it('in a repository without a commit yet: every entry uncommitted, exit 0', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'notes'));
    git(dir, 'init', '-q');
    writeFileSync(path.join(dir, 'notes', 'papers.md'), "## S\n### A[KDD'18]\n### B[KDD'19]\n");
    const r = papers(dir, 'stats', '--by', 'month', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 2, byMonth: [], uncommitted: 2 });
  });

  it('outside a git repository: exit 2 with a message, and stats without --by still work', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'papers.md'), "## S\n### A[KDD'18]\n");
    const r = papers(dir, 'stats', '--by', 'month');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^papers: --by needs the notes in a git repository, and .* is not in one \(commit the notes with git, or leave out --by\)\n$/);
    expect(papers(dir, 'stats').status).toBe(0);
  });
});
