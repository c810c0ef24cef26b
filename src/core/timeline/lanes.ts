/**
 * The record of every segment the scheduler emits, and the io rows: a wait
 * takes the first row free when it starts, so overlapping waits stack. Worker
 * threads and their cores are the machine's (./machine.ts). Also enforces the
 * segment cap.
 */
import type { Span } from '../model/types';
import type { LaneKind } from './types';

export interface RawSegment {
  id: number;
  laneKind: LaneKind;
  /** io row or worker thread index (0-based); 0 for main. */
  laneIndex: number;
  kind: 'cpu' | 'io' | 'blocking';
  start: number;
  end: number;
  label: string;
  span: Span | null;
  pred: number | null;
  /** CPU units done; less than end - start when the thread shared a core. Absent for waits. */
  work?: number;
}

export class Lanes {
  readonly segments: RawSegment[] = [];
  truncated = false;
  private readonly ioFree: number[] = [];

  constructor(private readonly maxSegments: number) {}

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
}
