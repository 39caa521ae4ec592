import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hcc-surveillance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/surveillance.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run surveillance', () => {
  it('prints one JSON line a day with expected, statistic, threshold and alarm; null where the baseline is too short', () => {
    const days = ['01', '02', '03', '04', '05', '06', '07', '08'].map((d, i) => `2026-01-${d},${i === 7 ? 11 : i + 1}`);
    const { status, stdout } = run(['--method', 'C1', '--input', file('spike.csv', `date,count\n${days.join('\n')}\n`)]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(8);
    expect(Object.keys(lines[0] ?? {})).toEqual(['date', 'count', 'expected', 'stat', 'threshold', 'alarm']);
    expect(lines[0]).toEqual({ date: '2026-01-01', count: 1, expected: null, stat: null, threshold: null, alarm: false });
    expect(lines[7]).toMatchObject({ date: '2026-01-08', count: 11, expected: 4, alarm: true });
  });

  it('takes a method\'s parameters by name, and refuses one it does not have', () => {
    const input = file('flat.csv', 'date,count\n' + Array.from({ length: 8 }, (_, i) => `2026-02-0${i + 1},${i === 7 ? 1 : 0}`).join('\n'));
    const loud = run(['--method', 'C1', '--input', input]);
    const floored = run(['--method', 'C1', '--input', input, '--param', 'minSigma=1']);
    expect(JSON.parse(loud.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ alarm: true });
    expect(JSON.parse(floored.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ alarm: false });
    const wrong = run(['--method', 'cusum', '--input', input, '--param', 'q=1']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--param q');
  });

  it('with --frequency weekly reads a file of Mondays week by week, and refuses another weekday naming its Monday', () => {
    // Mondays from 2026-10-05: a baseline of 10,12,11,13,12,14,12 weeks (mean 12, sd 1.2910, bound 15.9895) and 16.
    const mondays = [10, 12, 11, 13, 12, 14, 12, 16].map((v, i) => `${new Date(Date.UTC(2026, 9, 5 + 7 * i)).toISOString().slice(0, 10)},${v}`);
    const { status, stdout } = run(['--method', 'C1', '--frequency', 'weekly', '--input', file('weeks.csv', `date,count\n${mondays.join('\n')}\n`)]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l['date'])).toEqual(mondays.map((m) => m.slice(0, 10)));
    expect(lines[7]).toMatchObject({ date: '2026-11-23', count: 16, expected: 12, alarm: true });
    expect(lines[7]?.['threshold']).toBeCloseTo(15.98947, 4);
    const thursday = run(['--method', 'C1', '--frequency', 'weekly', '--input', file('thursday.csv', 'date,count\n2026-11-23,4\n2026-11-26,5\n')]);
    expect(thursday.status).toBe(2);
    expect(thursday.stderr).toContain('row 3, column date: not_a_monday (the week starts on 2026-11-23)');
    const monthly = run(['--method', 'C1', '--frequency', 'monthly', '--input', file('monthly.csv', 'date,count\n2026-11-01,4\n')]);
    expect(monthly.status).toBe(2);
    expect(monthly.stderr).toContain('--frequency must be daily or weekly');
  });

  it('refuses a bad file whole, naming each row and column, and prints no evaluation', () => {
    const { status, stdout, stderr } = run(['--method', 'ewma', '--input', file('bad.csv', 'date,count\n2026-01-01,1\n2026-01-01,x\n2026-02-30,1\n2026-03-01,=cmd()\n')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('row 3, column date: duplicate');
    expect(stderr).toContain('row 3, column count: not_a_number');
    expect(stderr).toContain('row 4, column date: not_a_date');
    expect(stderr).toContain('row 5, column count: not_a_number');
    expect(run(['--method', 'C1', '--input', file('nohead.csv', 'day,n\n2026-01-01,1\n')]).stderr).toContain('row 1, column date: missing_column');
  });

  it('says which methods exist when given another', () => {
    const { status, stderr } = run(['--method', 'C4', '--input', 'x.csv']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/C1, C2, C3, cusum, ewma, percentile/);
  });
});
