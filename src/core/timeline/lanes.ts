/**
 * The scheduler's threads other than the main one, and the record of every
 * segment: io rows (a wait takes the first row free when it starts, so
 * overlapping waits stack) and worker lanes (a job takes the first free lane,
 * or queues for the one that frees up first). Also enforces the segment cap.
 */
import type { Span } from '../model/types';
import type { LaneKind } from './types';

export interface RawSegment {
  id: number;
  laneKind: LaneKind;
  /** io row or worker index (0-based); 0 for main. */
  laneIndex: number;
  kind: 'cpu' | 'io' | 'blocking';
  start: number;
  end: number;
  label: string;
  span: Span | null;
  pred: number | null;
}

export class Lanes {
  readonly segments: RawSegment[] = [];
  truncated = false;
  private readonly ioFree: number[] = [];
  private readonly workerFree: number[];
  private readonly workerLast: (number | null)[];

  constructor(
    cores: number,
    private readonly maxSegments: number,
  ) {
    this.workerFree = new Array<number>(cores).fill(0);
    this.workerLast = new Array<number | null>(cores).fill(null);
  }

  get ioRows(): number {
    return this.ioFree.length;
  }

  /** Records a segment; null once the cap is reached (and `truncated` is set). */
  emit(segment: Omit<RawSegment, 'id'>): RawSegment | null {
    if (this.segments.length >= this.maxSegments) {
      this.truncated = true;
      return null;
    }
    const full: RawSegment = { id: this.segments.length, ...segment };
    this.segments.push(full);
    return full;
  }

  /** A wait starting `now` on the first io row free by then. */
  wait(now: number, latency: number, label: string, span: Span, cause: number | null): RawSegment | null {
    if (!(latency > 0)) return null;
    let row = this.ioFree.findIndex((free) => free <= now);
    if (row < 0) row = this.ioFree.push(0) - 1;
    const segment = this.emit({ laneKind: 'io', laneIndex: row, kind: 'io', start: now, end: now + latency, label, span, pred: cause });
    if (segment) this.ioFree[row] = segment.end;
    return segment;
  }

  /**
   * A job handed over at `now`. Hand-overs come from the main thread, so they
   * arrive in time order and FIFO queueing is "the lane that frees up first".
   */
  dispatch(now: number, cost: number, label: string, span: Span, cause: number | null): RawSegment | null {
    if (!(cost > 0)) return null;
    let lane = this.workerFree.findIndex((free) => free <= now);
    if (lane < 0) lane = this.workerFree.indexOf(Math.min(...this.workerFree));
    const start = Math.max(now, this.workerFree[lane]);
    const pred = start > now ? this.workerLast[lane] : cause; // queued behind the lane's previous job
    const segment = this.emit({ laneKind: 'worker', laneIndex: lane, kind: 'cpu', start, end: start + cost, label, span, pred });
    if (segment) {
      this.workerFree[lane] = segment.end;
      this.workerLast[lane] = segment.id;
    }
    return segment;
  }
}
