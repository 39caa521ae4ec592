/**
 * The colours of one day's evaluation (after ESSENCE): red an alarm, yellow a warning, green
 * nothing unusual, grey not evaluable (a missing day, or too little baseline). Grey is never an alarm.
 */
export type DayLevel = 'red' | 'yellow' | 'green' | 'grey';

/**
 * One day of one method's evaluation. `expected` and `threshold` are in the units the method tests (the day's
 * value, or for the moving percentile the 7-day sum in `stat`): the chart draws them as the expected line and
 * the alarm bound. All three are null where the method could not evaluate the day.
 */
export type DayEvaluation = {
  day: number;
  value: number | null;
  expected: number | null;
  stat: number | null;
  threshold: number | null;
  pValue: number | null;
  level: DayLevel;
  alarm: boolean;
};

export function greyDay(day: number, value: number | null): DayEvaluation {
  return { day, value, expected: null, stat: null, threshold: null, pValue: null, level: 'grey', alarm: false };
}

/** A number the output can carry: an unbounded statistic (a rise over a flat baseline) has no finite value. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
