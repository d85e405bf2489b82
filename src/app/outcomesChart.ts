// The team's change in domain levels as a PNG a card can embed: one bar per area, the average
// change from the first assessment to the latest, to the right when levels rose and to the left
// when they fell. Drawn as the case progress chart is (chartImage.ts): Vega-Lite, Vega, resvg,
// then a palette PNG.
import type { TopLevelSpec } from 'vega-lite';
import type { DomainChangeRow } from '../domain/teamOutcomes.js';
import type { Language } from '../domain/schemas.js';
import { CHART_MARGIN, CHART_ROW_HEIGHT, CHART_WIDTH, FIRST_COLOUR, LATEST_COLOUR, encodeIndexedPng, fontOptions, type ChartOptions } from './chartImage.js';
import { drawSvg, rasterize } from './chartLibraries.js';
import { domainShortName } from './progressText.js';

const TEXT_COLOUR = '#1F1F1F';
/** The bars reach at most this far either way: a change of a whole 4 levels is the scale's end. */
const MOST_CHANGE = 4;

interface Bar {
  domain: string;
  change: number;
  label: string;
  rising: boolean;
}

/** The areas with a change to show: at least one case rated at both assessments. */
export function chartedDomains(rows: readonly DomainChangeRow[]): DomainChangeRow[] {
  return rows.filter((row) => row.cases > 0 && row.averageChange !== null);
}

export function domainChangeChartSpec(
  rows: readonly DomainChangeRow[],
  lang: Language,
  format: (n: number) => string,
  options: ChartOptions = {},
): TopLevelSpec {
  const bars: Bar[] = chartedDomains(rows).map((row) => ({
    domain: domainShortName(row.domain, lang),
    change: row.averageChange!,
    label: format(row.averageChange!),
    rising: row.averageChange! >= 0,
  }));
  const domains = bars.map((bar) => bar.domain);
  const hideText = options.withoutText === true;
  const reach = Math.max(1, Math.min(MOST_CHANGE, Math.ceil(Math.max(...bars.map((bar) => Math.abs(bar.change)), 0))));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right,
    height: Math.max(1, domains.length) * CHART_ROW_HEIGHT,
    autosize: { type: 'none' },
    padding: { ...CHART_MARGIN, top: 16 },
    background: 'white',
    data: { values: bars },
    config: {
      font: 'DejaVu Sans',
      view: { stroke: null },
      axis: { labelColor: TEXT_COLOUR, labelFontSize: 15, domain: false, ticks: false, labelOverlap: false, labelLimit: 0 },
    },
    encoding: {
      y: { field: 'domain', type: 'nominal', sort: domains, scale: { domain: domains }, title: null, axis: { labelPadding: 10, labels: !hideText } },
    },
    layer: [
      {
        mark: { type: 'bar', height: CHART_ROW_HEIGHT - 8 },
        encoding: {
          x: {
            field: 'change',
            type: 'quantitative',
            scale: { domain: [-reach, reach], nice: false },
            title: null,
            axis: { grid: true, gridColor: '#D0D0D0', tickCount: reach * 2, labelFontSize: 12, labels: !hideText },
          },
          // Rising in the dark blue, falling in the orange: apart in any colour vision and in greyscale.
          color: { field: 'rising', type: 'nominal', scale: { domain: [true, false], range: [LATEST_COLOUR, FIRST_COLOUR] }, legend: null },
        },
      },
      ...(hideText
        ? []
        : [
            {
              mark: { type: 'text' as const, fontSize: 13, color: TEXT_COLOUR, dx: 4, align: 'left' as const },
              encoding: { x: { datum: -reach, type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
            },
          ]),
    ],
  };
}

/** The chart as PNG bytes; undefined when no area has a change to show. */
export async function domainChangeChartPng(
  rows: readonly DomainChangeRow[],
  lang: Language,
  format: (n: number) => string,
  options: ChartOptions = {},
): Promise<Buffer | undefined> {
  if (chartedDomains(rows).length === 0) return undefined;
  const svg = await drawSvg(domainChangeChartSpec(rows, lang, format, options));
  const rendered = await rasterize(svg, fontOptions(options.fontFiles));
  return encodeIndexedPng(rendered.width, rendered.height, rendered.pixels);
}
