/** The figures a bench run collects, and the table it prints. */

interface Figure {
  readonly section: string;
  readonly label: string;
  /** What the table shows for the element and for the reference. */
  readonly value: string;
  readonly reference?: string;
  readonly ratio?: number;
  readonly budget?: string;
  /** Undefined when the figure has no budget. */
  readonly pass?: boolean;
  /** Everything measured, for the JSON file. */
  readonly data: Record<string, unknown>;
}

export const figures: Figure[] = [];

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A timing: medians of both sides, the ratio, and the samples. */
export function timing(
  section: string,
  label: string,
  element: readonly number[],
  reference: readonly number[],
  budget?: {text: string; pass: (value: number, ratio: number) => boolean},
): void {
  const value = median(element);
  const yardstick = median(reference);
  const ratio = value / yardstick;
  figures.push({
    section,
    label,
    value: ms(value),
    reference: ms(yardstick),
    ratio,
    ...(budget ? {budget: budget.text, pass: budget.pass(value, ratio)} : {}),
    data: {
      unit: 'ms',
      median: round(value, 2),
      referenceMedian: round(yardstick, 2),
      ratio: round(ratio, 3),
      samples: element.map((v) => round(v, 2)),
      referenceSamples: reference.map((v) => round(v, 2)),
    },
  });
}

export function printTable(): string {
  const header = ['Figure', 'Element', 'Reference', 'Ratio', 'Budget', ''];
  const rows = figures.map((figure) => [
    `${figure.section}: ${figure.label}`,
    figure.value,
    figure.reference ?? '',
    figure.ratio === undefined ? '' : `${figure.ratio.toFixed(2)}×`,
    figure.budget ?? '',
    figure.pass === undefined ? '' : figure.pass ? 'ok' : 'OVER',
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join(' | ')} |`;
  const separator = `|${widths.map((width, index) => (index === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), separator, ...rows.map(line)].join('\n');
}
