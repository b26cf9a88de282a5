// The one month parser of the statistics and the time slider: a creation date becomes a month code (months since
// year 0), or says why it has none. Dates before 2015 (before the Hub had models) or after tomorrow are counted apart
// as out of range, like undated ones; so is the real Hub's legacy date, `2022-03-02T23:29:04.000Z`, which it gives
// every repo made before March 2022 (hub-api.md §9): read as a date it would be a burst in March 2022. Months are
// compared as numbers, never as text, so a year 9999 cannot stretch the timeline over 100,000 months.

export const UNDATED = -1;
export const OUT_OF_RANGE = -2;
export const LEGACY_DATE = -3;
export const LEGACY_CREATED_AT = '2022-03-02T23:29:04';

const FIRST_DAY = 2015_01_01;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;
const DAY_MS = 86_400_000;

/** The last acceptable day (yyyymmdd, UTC): tomorrow, relative to an injectable now. */
export interface DateRule {
  lastDay: number;
}

export function dateRule(now: number = Date.now()): DateRule {
  const t = new Date(now + DAY_MS);
  return { lastDay: t.getUTCFullYear() * 10_000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate() };
}

/** Months since year 0 (year * 12 + month - 1), or UNDATED, OUT_OF_RANGE or LEGACY_DATE. */
export function monthCode(createdAt: string, rule: DateRule = dateRule()): number {
  const m = DATE.exec(createdAt);
  if (!m) return UNDATED;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return UNDATED;
  if (createdAt.startsWith(LEGACY_CREATED_AT)) return LEGACY_DATE;
  const ymd = year * 10_000 + month * 100 + day;
  if (ymd < FIRST_DAY || ymd > rule.lastDay) return OUT_OF_RANGE;
  return year * 12 + month - 1;
}

/** 'YYYY-MM' of a month code. */
export function monthName(code: number): string {
  return `${String(Math.floor(code / 12)).padStart(4, '0')}-${String((code % 12) + 1).padStart(2, '0')}`;
}

/** The code of a 'YYYY-MM' month key (no range rule: keys come from monthName), or UNDATED. */
export function monthKeyCode(key: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[1]) * 12 + Number(m[2]) - 1 : UNDATED;
}

/** Every month from code `first` to code `last` inclusive, as 'YYYY-MM'. */
export function monthsBetween(first: number, last: number): string[] {
  const out: string[] = [];
  for (let c = first; c <= last; c++) out.push(monthName(c));
  return out;
}
