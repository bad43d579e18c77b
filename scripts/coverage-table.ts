/**
 * `npm run test:coverage` prints this after vitest: line, branch and function coverage per folder of
 * src/ (files summed, not averaged), from vitest's coverage/coverage-summary.json. Vitest's own text
 * table lists every file; this one is short enough to read at a glance, and README quotes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SUMMARY = path.join(ROOT, 'coverage/coverage-summary.json');
const METRICS = ['lines', 'branches', 'functions'] as const;

type Metric = (typeof METRICS)[number];
type Counts = Record<Metric, { covered: number; total: number }>;

const empty = (): Counts => ({
  lines: { covered: 0, total: 0 },
  branches: { covered: 0, total: 0 },
  functions: { covered: 0, total: 0 },
});

/** "src/domain/customers/age.ts" → "src/domain/customers"; files directly in src/ count as "src". */
function folderOf(file: string): string {
  return path.dirname(path.relative(ROOT, file)).split(path.sep).join('/');
}

export function coverageByFolder(summary: Record<string, Counts>): Map<string, Counts> {
  const folders = new Map<string, Counts>();
  for (const [file, counts] of Object.entries(summary)) {
    if (file === 'total') continue;
    const folder = folderOf(file);
    // A file counts for its folder and for every folder above it up to src/: src/domain sums its subfolders.
    const parts = folder.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const name = parts.slice(0, depth).join('/');
      const sums = folders.get(name) ?? empty();
      for (const metric of METRICS) {
        sums[metric].covered += counts[metric].covered;
        sums[metric].total += counts[metric].total;
      }
      folders.set(name, sums);
    }
  }
  return new Map([...folders].sort(([a], [b]) => a.localeCompare(b)));
}

const percent = ({ covered, total }: { covered: number; total: number }) =>
  total === 0 ? '—' : `${((100 * covered) / total).toFixed(1)} %`;

export function coverageTable(folders: Map<string, Counts>): string {
  const rows = [...folders].map(([folder, counts]) => [
    folder,
    ...METRICS.map((metric) => percent(counts[metric])),
    String(counts.lines.total),
  ]);
  const header = ['folder', 'lines', 'branches', 'functions', 'lines in total'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = JSON.parse(readFileSync(SUMMARY, 'utf8')) as Record<string, Counts>;
  console.log(`\nCoverage by folder (unit + integration tests; HTML report: coverage/index.html)\n`);
  console.log(coverageTable(coverageByFolder(summary)));
}
