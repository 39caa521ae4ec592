/**
 * Evaluates one detection method over a daily series file, for checking a method or its parameters on real data:
 *
 *   npm run surveillance -- --method C1|C2|C3|cusum|ewma|percentile|fixed --input series.csv [--frequency daily|weekly] [--param k=v ...]
 *
 * series.csv has the header `date,count`, one row a day, or with `--frequency weekly` one row a week dated by its
 * Monday (ISO week; the methods then count weeks: C1's 7-day baseline is 7 weeks). Prints one JSON object a line:
 * {"date","count","expected","stat","threshold","alarm"}; expected and threshold are null where the baseline is
 * insufficient. A bad file prints every row and column at fault and nothing else, and exits 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { ZodError } from 'zod';
import { dayFromNumber } from '../src/domain/warning/daily-series';
import { evaluateSeries, methodParams, type DetectionMethod } from '../src/domain/warning/detection-methods';
import { FrequencySchema, periodStartDay } from '../src/domain/warning/periods';
import { validateSeriesCsv } from '../src/domain/warning/series-csv';

const methodNames: Record<string, DetectionMethod> = { C1: 'ears_c1', C2: 'ears_c2', C3: 'ears_c3', cusum: 'cusum', ewma: 'ewma', percentile: 'mpm', fixed: 'fixed' };
const usage = `usage: npm run surveillance -- --method ${Object.keys(methodNames).join('|')} --input series.csv [--frequency daily|weekly] [--param name=value ...]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(): void {
  const { values } = parseArgs({
    options: { method: { type: 'string' }, input: { type: 'string' }, frequency: { type: 'string', default: 'daily' }, param: { type: 'string', multiple: true }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const method = methodNames[values.method ?? ''];
  if (!method) fail(`--method must be one of ${Object.keys(methodNames).join(', ')}\n${usage}`);
  if (!values.input) fail(`--input is required\n${usage}`);
  const frequency = FrequencySchema.safeParse(values.frequency);
  if (!frequency.success) fail(`--frequency must be daily or weekly\n${usage}`);
  const raw: Record<string, number> = {};
  for (const pair of values.param ?? []) {
    const match = /^([A-Za-z]\w*)=(-?\d+(?:\.\d+)?)$/.exec(pair);
    if (!match?.[1] || match[2] === undefined) fail(`--param ${pair}: expected name=number`);
    raw[match[1]] = Number(match[2]);
  }
  let params: Record<string, number>;
  try {
    params = methodParams(method, raw, frequency.data);
  } catch (error) {
    if (error instanceof ZodError) fail(error.issues.map((i) => `--param ${i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : '')}: ${i.message}`).join('\n'));
    throw error;
  }
  let text: string;
  try {
    text = readFileSync(values.input, 'utf8');
  } catch (error) {
    fail(`cannot read ${values.input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const checked = validateSeriesCsv(parsed.meta.fields ?? [], parsed.data, frequency.data);
  if (!checked.ok) fail(checked.errors.map((e) => `${values.input}: row ${e.row}, column ${e.column}: ${e.reason}${e.monday ? ` (the week starts on ${e.monday})` : ''}`).join('\n'));
  const lines = evaluateSeries(method, checked.series, params).map((d) =>
    JSON.stringify({ date: dayFromNumber(periodStartDay(d.day, frequency.data)), count: d.value, expected: d.expected, stat: d.stat, threshold: d.threshold, alarm: d.alarm }),
  );
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

main();
