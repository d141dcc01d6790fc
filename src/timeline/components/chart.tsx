/**
 * The picture: lanes by theme on a time axis, a density strip, one mark per event (a bar
 * when it spans more than a few days). Zoom and pan by wheel, drag, pinch (pointer events)
 * and keys (+ − ← → Home). The SVG is hidden from screen readers: the event list below says
 * the same in words, and the chart's own buttons and keys are described on its container.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { THEMES } from '../model/themes.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import { density, panBy, toX, yearTicks, zoomAt, type Viewport } from '../model/viewport.ts';
import { t } from '../../ui/i18n.ts';
import { themeLabel } from '../theme-labels.ts';

export const LANE_HEIGHT = 34;
const DENSITY_HEIGHT = 36;
const AXIS_HEIGHT = 24;
const LANES_TOP = DENSITY_HEIGHT + AXIS_HEIGHT;
const DENSITY_BIN_PX = 8;
const DRAG_THRESHOLD_PX = 4;
/** A span shorter than this is drawn as a dot. */
const BAR_MIN_PX = 10;
/** Room at both ends so the first and last marks and year labels are not cut in half. */
const EDGE_PX = 14;

const yearFormats = new Map<string, Intl.NumberFormat>();

/** A year in the page's digits (۲۰۲۵ in Persian), without grouping (not "2,025"). */
function formatYear(year: number, lang: string): string {
  let format = yearFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { useGrouping: false });
    yearFormats.set(lang, format);
  }
  return format.format(year);
}

interface ChartProps {
  readonly entries: readonly TimelineEntry[];
  readonly domain: Viewport;
  readonly view: Viewport;
  readonly selectedId: string | null;
  readonly lang: string;
  readonly onView: (view: Viewport) => void;
  readonly onSelect: (eventId: string) => void;
}

interface Gesture {
  readonly pointers: Map<number, { x: number; y: number }>;
  readonly startX: number;
  readonly startY: number;
  moved: boolean;
  target: string | null;
}

export function Chart({ entries, domain, view, selectedId, lang, onView, onSelect }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(960);
  const viewRef = useRef(view);
  viewRef.current = view;
  const gesture = useRef<Gesture | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    setWidth(Math.max(320, element.clientWidth));
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(320, Math.round(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling as well.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const anchor = (event.clientX - rect.left - EDGE_PX) / (rect.width - 2 * EDGE_PX);
      // Horizontal wheels and trackpad swipes pan; vertical ones zoom.
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) onView(panBy(viewRef.current, domain, event.deltaX / rect.width));
      else onView(zoomAt(viewRef.current, domain, Math.exp(-event.deltaY * 0.002), anchor));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [domain, onView]);

  const onPointerDown = (event: PointerEvent) => {
    const element = svg.current;
    if (!element || event.button > 0) return;
    try {
      element.setPointerCapture(event.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): the gesture still works inside the chart.
    }
    const mark = (event.target as Element).closest('[data-event-id]');
    const current = gesture.current;
    if (current) {
      current.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      current.moved = true; // a second finger: a pinch, not a tap
      return;
    }
    gesture.current = { pointers: new Map([[event.pointerId, { x: event.clientX, y: event.clientY }]]), startX: event.clientX, startY: event.clientY, moved: false, target: mark?.getAttribute('data-event-id') ?? null };
  };

  const onPointerMove = (event: PointerEvent) => {
    const current = gesture.current;
    const element = svg.current;
    const last = current?.pointers.get(event.pointerId);
    if (!current || !element || !last) return;
    const rect = element.getBoundingClientRect();
    if (Math.hypot(event.clientX - current.startX, event.clientY - current.startY) > DRAG_THRESHOLD_PX) current.moved = true;
    const others = [...current.pointers].filter(([id]) => id !== event.pointerId).map(([, point]) => point);
    const other = others[0];
    if (other) {
      // Pinch: zoom by the change in distance, around the midpoint of the two fingers.
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
      const anchor = ((event.clientX + other.x) / 2 - rect.left) / rect.width;
      if (before > 0 && after > 0) onView(zoomAt(viewRef.current, domain, after / before, anchor));
    } else if (current.moved) {
      onView(panBy(viewRef.current, domain, -(event.clientX - last.x) / rect.width));
    }
    current.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  const onPointerEnd = (event: PointerEvent) => {
    const current = gesture.current;
    if (!current) return;
    current.pointers.delete(event.pointerId);
    if (current.pointers.size > 0) return;
    gesture.current = null;
    if (event.type === 'pointerup' && !current.moved && current.target) onSelect(current.target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const actions: Record<string, () => Viewport> = {
      '+': () => zoomAt(view, domain, 1.5),
      '=': () => zoomAt(view, domain, 1.5),
      '-': () => zoomAt(view, domain, 1 / 1.5),
      '_': () => zoomAt(view, domain, 1 / 1.5),
      ArrowLeft: () => panBy(view, domain, -0.1),
      ArrowRight: () => panBy(view, domain, 0.1),
      Home: () => domain,
      '0': () => domain,
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    onView(action());
  };

  const height = LANES_TOP + THEMES.length * LANE_HEIGHT + 8;
  const bins = density(view, Math.max(1, Math.floor(width / DENSITY_BIN_PX)), entries.map((entry) => entry.start));
  const busiest = Math.max(1, ...bins);
  const binWidth = (width - 2 * EDGE_PX) / bins.length;
  const x = (time: number) => EDGE_PX + toX(view, width - 2 * EDGE_PX, time);
  const visible = entries.filter((entry) => entry.end >= view.start && entry.start <= view.end);

  return (
    <section class="chart-section" aria-labelledby="chart-heading">
      <h2 id="chart-heading">{t('timelineChart', 'The picture')}</h2>
      <div class="chart-tools" role="group" aria-label={t('timelineZoomGroup', 'Zoom')}>
        <button type="button" onClick={() => onView(zoomAt(view, domain, 1.5))} data-testid="zoom-in">
          {t('timelineZoomIn', 'Zoom in')}
        </button>
        <button type="button" onClick={() => onView(zoomAt(view, domain, 1 / 1.5))} data-testid="zoom-out">
          {t('timelineZoomOut', 'Zoom out')}
        </button>
        <button type="button" onClick={() => onView(domain)} data-testid="zoom-all">
          {t('timelineZoomAll', 'Show all years')}
        </button>
      </div>
      <div class="chart-grid">
        <ul class="lane-labels" aria-hidden="true" style={{ paddingBlockStart: `${LANES_TOP}px` }}>
          {THEMES.map((theme) => (
            <li key={theme} class={`lane-label theme-${theme}`} style={{ height: `${LANE_HEIGHT}px` }}>
              {themeLabel(theme)}
            </li>
          ))}
        </ul>
        <div
          class="chart"
          ref={box}
          tabIndex={0}
          role="group"
          aria-roledescription={t('timelineChartRole', 'chart')}
          aria-label={t('timelineChartLabel', 'Events by theme over time. Plus and minus zoom, arrow keys move in time, Home shows all years. The list of events below holds the same events.')}
          onKeyDown={onKeyDown}
          data-testid="chart"
        >
          <svg
            ref={svg}
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            aria-hidden="true"
            dir="ltr"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerEnd}
            onPointerCancel={onPointerEnd}
          >
            <g class="density">
              {bins.map((count, bin) =>
                count > 0 ? <rect key={bin} x={EDGE_PX + bin * binWidth} y={DENSITY_HEIGHT - (count / busiest) * (DENSITY_HEIGHT - 4)} width={Math.max(1, binWidth - 1)} height={(count / busiest) * (DENSITY_HEIGHT - 4)} /> : null,
              )}
            </g>
            <g class="axis">
              {yearTicks(view, width).map((year) => {
                const tick = x(Date.UTC(year, 0, 1));
                return (
                  <g key={year}>
                    <line x1={tick} x2={tick} y1={DENSITY_HEIGHT} y2={height} />
                    <text x={tick > width - 40 ? tick - 3 : tick + 3} y={DENSITY_HEIGHT + 16} text-anchor={tick > width - 40 ? 'end' : 'start'}>
                      {formatYear(year, lang)}
                    </text>
                  </g>
                );
              })}
            </g>
            {THEMES.map((theme, lane) => (
              <rect key={theme} class={`lane lane-${lane % 2}`} x={0} y={LANES_TOP + lane * LANE_HEIGHT} width={width} height={LANE_HEIGHT} />
            ))}
            <g class="marks">
              {visible.map((entry) => {
                const lane = THEMES.indexOf(entry.theme);
                const cy = LANES_TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
                const x1 = x(entry.start);
                const x2 = x(entry.end);
                const selected = entry.event.id === selectedId;
                return (
                  <g key={entry.event.id} class={`mark theme-${entry.theme}${selected ? ' selected' : ''}`} data-event-id={entry.event.id}>
                    <title>{`${entry.event.date} ${entry.event.title}`}</title>
                    {x2 - x1 >= BAR_MIN_PX ? <rect x={x1} y={cy - 5} width={x2 - x1} height={10} rx={5} /> : <circle cx={x1} cy={cy} r={selected ? 8 : 6} />}
                  </g>
                );
              })}
            </g>
          </svg>
        </div>
      </div>
    </section>
  );
}
