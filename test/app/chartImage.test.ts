// The progress chart as a PNG: a valid image of the configured size, small enough for a
// Teams message as a data URI, with its labels really drawn, one series per assessment.
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CHART_MARGIN,
  CHART_ROW_HEIGHT,
  CHART_WIDTH,
  caseProgressImage,
  chartHeight,
  FIRST_COLOUR,
  LATEST_COLOUR,
  pngDataUri,
  progressChartPng,
  warmUpCharts,
} from '../../src/app/chartImage.js';
import { progressSummary } from '../../src/app/progressText.js';
import { caseProgress, type CaseProgress } from '../../src/domain/progressChart.js';
import { LIFE_DOMAINS, type Assessment, type Case } from '../../src/domain/schemas.js';
import { makeAssessment, makeCase } from '../domain/fixtures.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG, each checked against its CRC (computed by Node's zlib, not by the encoder's own table). */
function pngChunks(png: Buffer): Chunk[] {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
}

interface Image {
  width: number;
  height: number;
  /** RGB per pixel, row by row. */
  rgb: (x: number, y: number) => [number, number, number];
}

/** Decodes the 8-bit palette PNGs the chart is stored as (unfiltered rows). */
function decodePalettePng(png: Buffer): Image {
  const chunks = pngChunks(png);
  const header = chunks.find((chunk) => chunk.type === 'IHDR')?.data;
  const palette = chunks.find((chunk) => chunk.type === 'PLTE')?.data;
  if (!header || !palette) throw new Error('no IHDR or PLTE');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([header[8], header[9]]).toEqual([8, 3]);
  const rows = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
  expect(rows.length).toBe(height * (width + 1));
  const filters = Array.from({ length: height }, (_, y) => rows[y * (width + 1)]);
  expect(new Set(filters)).toEqual(new Set([0]));
  const colours = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const index = rows[y * (width + 1) + 1 + x] as number;
      colours.set(palette.subarray(index * 3, index * 3 + 3), (y * width + x) * 3);
    }
  }
  return {
    width,
    height,
    rgb: (x, y) => {
      const offset = (y * width + x) * 3;
      return [colours[offset] as number, colours[offset + 1] as number, colours[offset + 2] as number];
    },
  };
}

/** Dark grey pixels, the colour of the labels (the blue marks are dark but not grey). */
function textPixels(image: Image, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let count = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const [r, g, b] = image.rgb(x, y);
      if (Math.max(r, g, b) - Math.min(r, g, b) < 20 && 0.299 * r + 0.587 * g + 0.114 * b < 110) count++;
    }
  }
  return count;
}

function colourPixels(image: Image, hex: string): number {
  const want = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const got = image.rgb(x, y);
      if (got.every((value, channel) => Math.abs(value - (want[channel] as number)) <= 24)) count++;
    }
  }
  return count;
}

const DAYS = ['2027-01-04', '2027-04-03'];
function caseWith(...ratings: Assessment['ratings'][]): Case {
  return makeCase({
    assessments: ratings.map((levels, index) => makeAssessment({ id: `A-${index}`, ratings: levels, startedAt: `${DAYS[index]}T09:30:00+01:00` })),
  });
}
const levelsFrom = (levels: number[]): Assessment['ratings'] => Object.fromEntries(LIFE_DOMAINS.map((domain, index) => [domain, levels[index]]));
/** Every domain rated twice, most of them changed: the largest chart a case can have. */
const fullCase = caseWith(levelsFrom([2, 1, 2, 3, 4, 2, 5, 3, 2, 1, 3, 2, 4, 3, 2]), levelsFrom([3, 3, 4, 3, 3, 2, 5, 4, 2, 2, 3, 3, 4, 4, 1]));
const fullProgress = caseProgress(fullCase) as CaseProgress;

describe('progressChartPng', () => {
  it('is a valid PNG of the configured width and the height its rows need', async () => {
    const png = await progressChartPng(fullProgress, 'es');
    const chunks = pngChunks(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    const header = chunks[0]?.data as Buffer;
    expect(header.readUInt32BE(0)).toBe(CHART_WIDTH);
    expect(header.readUInt32BE(4)).toBe(chartHeight(LIFE_DOMAINS.length));
    const image = decodePalettePng(png);
    expect(image.rgb(CHART_WIDTH - 1, 0)).toEqual([255, 255, 255]);
  });

  it('fits a 15-domain chart well under the Teams message limit as a data URI', async () => {
    for (const lang of ['es', 'en'] as const) {
      const uri = pngDataUri(await progressChartPng(fullProgress, lang));
      expect(uri.length, lang).toBeLessThanOrEqual(20_000);
    }
  });

  it('draws every domain label, the level names and the legend (text would vanish without a font)', async () => {
    const withText = decodePalettePng(await progressChartPng(fullProgress, 'es'));
    const withoutText = decodePalettePng(await progressChartPng(fullProgress, 'es', { withoutText: true }));
    const labelColumn = CHART_MARGIN.left - 12;
    LIFE_DOMAINS.forEach((domain, row) => {
      const band = { x0: 0, y0: CHART_MARGIN.top + row * CHART_ROW_HEIGHT, x1: labelColumn, y1: CHART_MARGIN.top + (row + 1) * CHART_ROW_HEIGHT };
      expect(textPixels(withText, band), domain).toBeGreaterThan(15);
      expect(textPixels(withoutText, band), domain).toBe(0);
    });
    const legend = { x0: 0, y0: 0, x1: CHART_WIDTH, y1: CHART_MARGIN.top - 4 };
    const levelNames = { x0: 0, y0: withText.height - CHART_MARGIN.bottom + 4, x1: CHART_WIDTH, y1: withText.height };
    for (const [name, box] of Object.entries({ legend, levelNames })) {
      expect(textPixels(withText, box), name).toBeGreaterThan(300);
      expect(textPixels(withoutText, box), name).toBe(0);
    }
  });

  it('draws both series for two assessments, and only the first for one', async () => {
    const two = decodePalettePng(await progressChartPng(fullProgress, 'es'));
    expect(colourPixels(two, FIRST_COLOUR)).toBeGreaterThan(500);
    expect(colourPixels(two, LATEST_COLOUR)).toBeGreaterThan(500);
    const single = caseProgress(caseWith(levelsFrom([2, 1, 2, 3, 4, 2, 5, 3, 2, 1, 3, 2, 4, 3, 2]))) as CaseProgress;
    const one = decodePalettePng(await progressChartPng(single, 'es'));
    expect(colourPixels(one, FIRST_COLOUR)).toBeGreaterThan(500);
    expect(colourPixels(one, LATEST_COLOUR)).toBe(0);
  });

  it('sizes the image to the domains rated', async () => {
    const progress = caseProgress(caseWith({ income: 2, housing: 1, legal: null }, { income: 3, housing: 3, legal: null })) as CaseProgress;
    const image = decodePalettePng(await progressChartPng(progress, 'en'));
    expect([image.width, image.height]).toEqual([CHART_WIDTH, chartHeight(2)]);
  });
});

describe('chart colours', () => {
  // Relative luminance (WCAG): the two series must differ in greyscale, not only in hue.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((start) => {
      const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
  };

  it('tells the first series from the latest in greyscale (contrast ratio at least 3)', () => {
    const [light, dark] = [luminance(FIRST_COLOUR), luminance(LATEST_COLOUR)].sort((a, b) => b - a) as [number, number];
    expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(3);
  });
});

describe('caseProgressImage', () => {
  it('is undefined for a case with no rated assessment', async () => {
    expect(await caseProgressImage(makeCase(), 'es')).toBeUndefined();
    expect(await caseProgressImage(caseWith({ income: null }), 'es')).toBeUndefined();
  });

  it('gives the PNG with its text alternative in the language asked', async () => {
    for (const lang of ['es', 'en'] as const) {
      const image = await caseProgressImage(fullCase, lang);
      expect(image?.alt).toBe(progressSummary(fullProgress, lang));
      expect([...(image?.png.subarray(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    }
    expect((await caseProgressImage(fullCase, 'es'))?.alt).toMatch(/^Del 4 ene 2027 al 3 abr 2027: mejora en /);
    expect((await caseProgressImage(fullCase, 'en'))?.alt).toMatch(/^From 4 Jan 2027 to 3 Apr 2027: better in /);
  });

  it('draws a chart once for the same progress and language, and again when either changes', async () => {
    const first = (await caseProgressImage(fullCase, 'es'))!.png;
    const sameLevels = caseWith(levelsFrom([2, 1, 2, 3, 4, 2, 5, 3, 2, 1, 3, 2, 4, 3, 2]), levelsFrom([3, 3, 4, 3, 3, 2, 5, 4, 2, 2, 3, 3, 4, 4, 1]));
    expect((await caseProgressImage(sameLevels, 'es'))!.png).toBe(first);
    expect((await caseProgressImage(fullCase, 'en'))!.png).not.toBe(first);
    const changed = caseWith(levelsFrom([2, 1, 2, 3, 4, 2, 5, 3, 2, 1, 3, 2, 4, 3, 2]), levelsFrom([3, 3, 4, 3, 3, 2, 5, 4, 2, 2, 3, 3, 4, 4, 2]));
    const redrawn = (await caseProgressImage(changed, 'es'))!.png;
    expect(redrawn).not.toBe(first);
    expect(redrawn.equals(first)).toBe(false);
  });
});

describe('warmUpCharts', () => {
  it('draws a chart through every library, so a failure to load one shows here and not at the first case view', async () => {
    await expect(warmUpCharts()).resolves.toBeUndefined();
  });
});
