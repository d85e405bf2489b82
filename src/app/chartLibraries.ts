// Vega, Vega-Lite and resvg take about a second to load between them, and only a chart needs
// them: they are loaded when the first chart is drawn, not when the bot starts.
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';

interface Libraries {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
  resvg: typeof import('@resvg/resvg-js');
}

let loading: Promise<Libraries> | undefined;

function libraries(): Promise<Libraries> {
  loading ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(
    ([vega, vegaLite, resvg]) => ({ vega, vegaLite, resvg }),
    (error: unknown) => {
      // A failed load is tried again by the next chart rather than remembered.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** A Vega-Lite chart drawn as SVG by Vega, headless (no canvas, no DOM). */
export async function drawSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await libraries();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** An SVG turned into RGBA pixels by resvg, on white. */
export async function rasterize(svg: string, font: NonNullable<ResvgRenderOptions['font']>): Promise<{ width: number; height: number; pixels: Buffer }> {
  const { resvg } = await libraries();
  const rendered = new resvg.Resvg(svg, { font, background: 'white', fitTo: { mode: 'original' } }).render();
  return { width: rendered.width, height: rendered.height, pixels: rendered.pixels };
}
