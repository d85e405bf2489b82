// The case's progress chart as a PNG a card can embed: each domain's level at the first
// assessment against the latest. Vega-Lite describes it, Vega draws it as SVG, resvg turns
// it into pixels; the pixels are then stored with a small palette so a 15-domain chart stays
// well under Teams' message limit as a data URI.
import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { caseProgress, type CaseProgress } from '../domain/progressChart.js';
import { LIFE_DOMAINS, type Case, type Language } from '../domain/schemas.js';
import { t } from '../i18n/catalog.js';
import { drawSvg, rasterize } from './chartLibraries.js';
import { domainShortName, levelShortName, progressSummary, shortDate } from './progressText.js';

/** Wide enough for a Teams card (~500 px) so the image is shown at its own size, not shrunk. */
export const CHART_WIDTH = 500;
export const CHART_ROW_HEIGHT = 26;
export const CHART_MARGIN = { left: 128, right: 50, top: 58, bottom: 46 };
const FONT_FAMILY = 'DejaVu Sans';
/**
 * Fonts resvg draws the labels with (it draws no text without one). DejaVu Sans ships with
 * Debian and most Linux images; when none of these is present the system fonts are searched.
 */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
];
/**
 * Okabe–Ito orange and a dark blue: told apart with any colour vision and in greyscale (light
 * against dark), and the marks differ in shape too (circle, diamond).
 */
export const FIRST_COLOUR = '#E69F00';
export const LATEST_COLOUR = '#0B4F9C';
const TEXT_COLOUR = '#1F1F1F';
/** Colours kept in the stored PNG: the chart's own few plus their anti-aliased edges. */
const PALETTE_SIZE = 48;

export interface ChartOptions {
  /** Draw no text at all: the tests compare against it to prove the labels are drawn. */
  withoutText?: boolean;
  /** Font files to draw with, instead of the ones found on this machine. */
  fontFiles?: readonly string[];
}

export function chartHeight(rows: number): number {
  return CHART_MARGIN.top + rows * CHART_ROW_HEIGHT + CHART_MARGIN.bottom;
}

interface Point {
  domain: string;
  series: string;
  level: number;
}

/** The Vega-Lite description of the chart: a dot per assessment and domain, joined by a line. */
export function progressChartSpec(progress: CaseProgress, lang: Language, options: ChartOptions = {}): TopLevelSpec {
  const firstLabel = t(lang, progress.latestDate ? 'charts.legendFirst' : 'charts.legendSingle', { date: shortDate(progress.firstDate, lang) });
  const latestLabel = progress.latestDate ? t(lang, 'charts.legendLatest', { date: shortDate(progress.latestDate, lang) }) : undefined;
  const domains = progress.domains.map((entry) => domainShortName(entry.domain, lang));
  const points: Point[] = progress.domains.flatMap((entry) => {
    const domain = domainShortName(entry.domain, lang);
    return [
      ...(entry.first !== undefined ? [{ domain, series: firstLabel, level: entry.first }] : []),
      ...(latestLabel && entry.latest !== undefined ? [{ domain, series: latestLabel, level: entry.latest }] : []),
    ];
  });
  const series = latestLabel ? [firstLabel, latestLabel] : [firstLabel];
  // Each tick reads «3» over «seguro»: a label given as a list of lines is drawn on several lines.
  const levelLabels = `[${[1, 2, 3, 4, 5].map((level) => `['${level}', '${levelShortName(level, lang).replace(/'/g, "\\'")}']`).join(', ')}][datum.value - 1]`;
  const hideText = options.withoutText === true;
  const legend = hideText
    ? null
    : ({ title: null, orient: 'none', legendX: -CHART_MARGIN.left + 8, legendY: -CHART_MARGIN.top + 6, direction: 'vertical' } as const);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right,
    height: domains.length * CHART_ROW_HEIGHT,
    // Fixed size: Vega guesses text widths without a canvas, so sizing by content would waste space.
    autosize: { type: 'none' },
    padding: CHART_MARGIN,
    background: 'white',
    data: { values: points },
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      axis: { labelColor: TEXT_COLOUR, labelFontSize: 15, domain: false, ticks: false, labelOverlap: false, labelLimit: 0 },
      legend: { labelColor: TEXT_COLOUR, labelFontSize: 15, labelLimit: 0, symbolSize: 180, rowPadding: 6 },
    },
    encoding: {
      y: {
        field: 'domain',
        type: 'nominal',
        sort: domains,
        scale: { domain: domains },
        title: null,
        axis: { labelPadding: 10, grid: true, gridColor: '#E4E4E4', labels: !hideText },
      },
    },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 3, color: '#9A9A9A' },
        encoding: { x: { aggregate: 'min', field: 'level' }, x2: { aggregate: 'max', field: 'level' } },
      },
      {
        mark: { type: 'point', filled: true, opacity: 1, size: 190, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: {
            field: 'level',
            type: 'quantitative',
            scale: { domain: [1, 5], nice: false, zero: false },
            title: null,
            axis: {
              values: [1, 2, 3, 4, 5],
              grid: true,
              gridColor: '#D0D0D0',
              labelExpr: levelLabels,
              labelFontSize: 12,
              labelPadding: 6,
              // Centred under its tick, also at both ends: flush ends would shift the level names off their numbers.
              labelFlush: false,
              labels: !hideText,
            },
          },
          // Colour and shape share one legend: the same properties on both merge them.
          color: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: [FIRST_COLOUR, LATEST_COLOUR] }, legend },
          shape: { field: 'series', type: 'nominal', sort: series, scale: { domain: series, range: ['circle', 'diamond'] }, legend },
        },
      },
    ],
  };
}

/** The chart drawn as SVG by Vega, headless (no canvas, no DOM). */
export async function progressChartSvg(progress: CaseProgress, lang: Language, options: ChartOptions = {}): Promise<string> {
  return drawSvg(progressChartSpec(progress, lang, options));
}

export function fontOptions(fontFiles: readonly string[] | undefined): NonNullable<ResvgRenderOptions['font']> {
  const files = (fontFiles ?? FONT_FILES).filter((file) => existsSync(file));
  if (files.length > 0) return { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT_FAMILY };
  return { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY };
}

/** The chart as PNG bytes: `CHART_WIDTH` wide, `chartHeight(rows)` tall. */
export async function progressChartPng(progress: CaseProgress, lang: Language, options: ChartOptions = {}): Promise<Buffer> {
  const svg = await progressChartSvg(progress, lang, options);
  const rendered = await rasterize(svg, fontOptions(options.fontFiles));
  return encodeIndexedPng(rendered.width, rendered.height, rendered.pixels);
}

/**
 * The case's chart and its text alternative, for the case view's card; undefined when the case
 * has no assessment with a rated domain.
 */
export async function caseProgressImage(record: Pick<Case, 'assessments'>, lang: Language): Promise<{ png: Buffer; alt: string } | undefined> {
  const progress = caseProgress(record);
  if (!progress || progress.domains.length === 0) return undefined;
  return { png: await cachedChartPng(progress, lang), alt: progressSummary(progress, lang) };
}

/**
 * Draws one chart and forgets it, so the chart libraries (about a second to load) are ready
 * before the first case view needs them. Run by the entry point once the bot serves.
 */
export async function warmUpCharts(): Promise<void> {
  const domains: CaseProgress['domains'] = [{ domain: LIFE_DOMAINS[0], first: 2, latest: 3, change: 'better' }];
  await progressChartPng({ firstDate: '2026-01-05', latestDate: '2026-03-02', domains, leftOut: [] }, 'es');
}

/** Charts drawn lately, by what they show: a case opened again is not drawn again. */
const drawnCharts = new Map<string, Promise<Buffer>>();
const DRAWN_CHARTS_KEPT = 128;

/** The chart is a pure function of the progress and the language, so the same pair gives the same bytes. */
function cachedChartPng(progress: CaseProgress, lang: Language): Promise<Buffer> {
  const key = `${lang}\n${JSON.stringify(progress)}`;
  const drawn = drawnCharts.get(key);
  if (drawn) {
    // Kept as the most recently used.
    drawnCharts.delete(key);
    drawnCharts.set(key, drawn);
    return drawn;
  }
  const drawing = progressChartPng(progress, lang);
  drawnCharts.set(key, drawing);
  // A chart that failed to draw is not kept, so the next view tries again.
  drawing.catch(() => drawnCharts.delete(key));
  if (drawnCharts.size > DRAWN_CHARTS_KEPT) drawnCharts.delete(drawnCharts.keys().next().value!);
  return drawing;
}

export function pngDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

// ---- a palette PNG --------------------------------------------------------------------
// resvg writes 32-bit RGBA; a chart has a handful of colours, so an 8-bit palette holds it
// at a fraction of the size, and the nearest palette colour is invisible on anti-aliased edges.

function packed(pixels: Uint8Array, offset: number): number {
  return ((pixels[offset] as number) << 16) | ((pixels[offset + 1] as number) << 8) | (pixels[offset + 2] as number);
}

/** The most frequent colours, then each pixel mapped to the nearest of them. */
function quantize(pixels: Uint8Array, count: number): { palette: number[]; indices: Uint8Array } {
  const frequency = new Map<number, number>();
  for (let offset = 0; offset < pixels.length; offset += 4) {
    const colour = packed(pixels, offset);
    frequency.set(colour, (frequency.get(colour) ?? 0) + 1);
  }
  const palette = [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, Math.min(count, 256))
    .map(([colour]) => colour);
  const indexOf = new Map<number, number>(palette.map((colour, index) => [colour, index]));
  const nearest = (colour: number): number => {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    palette.forEach((candidate, index) => {
      const dr = ((colour >> 16) & 255) - ((candidate >> 16) & 255);
      const dg = ((colour >> 8) & 255) - ((candidate >> 8) & 255);
      const db = (colour & 255) - (candidate & 255);
      const distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    return best;
  };
  const indices = new Uint8Array(pixels.length / 4);
  for (let pixel = 0; pixel < indices.length; pixel++) {
    const colour = packed(pixels, pixel * 4);
    let index = indexOf.get(colour);
    if (index === undefined) {
      index = nearest(colour);
      indexOf.set(colour, index);
    }
    indices[pixel] = index;
  }
  return { palette, indices };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 255] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** RGBA pixels (alpha ignored: the chart is drawn on white) as an 8-bit palette PNG. */
export function encodeIndexedPng(width: number, height: number, rgba: Uint8Array): Buffer {
  const { palette, indices } = quantize(rgba, PALETTE_SIZE);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: palette
  const paletteBytes = Buffer.from(palette.flatMap((colour) => [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255]));
  // Each row starts with its filter byte; 0 (none) suits palette images best.
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', paletteBytes),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
