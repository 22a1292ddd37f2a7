/**
 * Counts and quantities in words, through Intl (never a hand-written `n === 1 ? … : …`):
 * "1 key", "1,204 keys", "3 days", "1 minute", "12.3 MB". English only for now; the forms live here once.
 */
const LOCALE = "en";
const pluralRules = new Intl.PluralRules(LOCALE);
const integer = new Intl.NumberFormat(LOCALE);

export type NounForms = { one: string; other: string };

export function formatCount(n: number): string {
  return integer.format(n);
}

/** The noun's form for `n` alone: "key" or "keys". */
export function nounFor(n: number, forms: NounForms): string {
  return pluralRules.select(n) === "one" ? forms.one : forms.other;
}

/** "1 key", "12 keys" (`forms.other` defaults to `one` + "s"). */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${formatCount(n)} ${nounFor(n, { one, other })}`;
}

export type DurationUnit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";
const quantityFormats = new Map<DurationUnit, Intl.NumberFormat>();

/** "1 day", "30 days", "10 minutes": a length of time, in words. */
export function quantity(n: number, unit: DurationUnit): string {
  let format = quantityFormats.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "unit", unit, unitDisplay: "long" });
    quantityFormats.set(unit, format);
  }
  return format.format(n);
}

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
const byteFormats = new Map<string, Intl.NumberFormat>();

/** "512 bytes", "12.3 MB": decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const name = BYTE_UNITS[unit]!;
  let format = byteFormats.get(name);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "unit", unit: name, unitDisplay: unit === 0 ? "long" : "short", maximumFractionDigits: unit === 0 ? 0 : 1 });
    byteFormats.set(name, format);
  }
  return format.format(value);
}
