import { CapacityFigure } from '@homelab/plugin-homelab-common';

const GIB = 2 ** 30;

/** An amount in the figure's unit as people read it: cores, GiB or pods. */
function amountText(unit: CapacityFigure['unit'], value: number): string {
  if (unit === 'bytes') return `${(value / GIB).toFixed(1)} GiB`;
  if (unit === 'pods') return `${Math.round(value)} pods`;
  return `${value.toFixed(2)} cores`;
}

export const RESOURCE_NAMES: Record<CapacityFigure['resource'], string> = {
  cpu: 'CPU',
  memory: 'Memory',
  pods: 'Pods',
  storage: 'Storage',
};

/** "1.50 of 8.00 cores requested, 0.31 used", with unknown parts said so. */
export function figureText(figure: CapacityFigure): string {
  const amount = (value: number | null) =>
    value === null ? 'unknown' : amountText(figure.unit, value);
  const parts = [
    `${amount(figure.requests)} requested`,
    `${
      figure.use === null ? 'use not measured' : `${amount(figure.use)} used`
    }`,
    `of ${amount(figure.allocatable)} allocatable`,
  ];
  return parts.join(', ');
}

/** Headroom under the target, or how far over it is. */
export function headroomText(figure: CapacityFigure): string {
  const against =
    figure.targetPercent !== undefined
      ? `the ${figure.targetPercent}% target`
      : 'all allocatable';
  if (figure.headroom === null) return `headroom to ${against} unknown`;
  return figure.headroom >= 0
    ? `${amountText(figure.unit, figure.headroom)} headroom to ${against}`
    : `${amountText(figure.unit, -figure.headroom)} over ${against}`;
}

/** A change per day, fine enough to see: MiB below a GiB, thousandths of a core. */
function perDayText(unit: CapacityFigure['unit'], perDay: number): string {
  const size = Math.abs(perDay);
  const sign = perDay < 0 ? '-' : '+';
  if (unit === 'bytes' && size < GIB)
    return `${sign}${(size / 2 ** 20).toFixed(0)} MiB`;
  if (unit === 'cores') return `${sign}${size.toFixed(3)} cores`;
  return `${sign}${amountText(unit, size)}`;
}

/** Where use is heading, in words. */
export function trendText(figure: CapacityFigure): string {
  const { trend } = figure;
  const perDay =
    trend.perDay === undefined
      ? ''
      : ` (${perDayText(figure.unit, trend.perDay)} a day over ${Math.round(
          trend.days ?? 0,
        )} days)`;
  switch (trend.state) {
    case 'rising':
      return trend.fullAt
        ? `Rising: reaches the limit about ${trend.fullAt.slice(
            0,
            10,
          )}${perDay}`
        : `Rising${perDay}`;
    case 'full':
      return `At or over the limit${perDay}`;
    case 'steady':
      return `Not rising${perDay}`;
    case 'not-enough-history':
      return 'Not enough history for a trend';
    default:
      return 'No trend: use not measured';
  }
}
