/** Messages between the extension host and its analysis workers. */
import type { Report, SeveritySetting } from '../core/reportTypes';

export type ExportFormat = 'json' | 'sarif';

export interface WorkerRequest {
  id: number;
  text: string;
  fileName: string;
  rules: Record<string, SeveritySetting>;
  /**
   * Also format the report as the CLI would. Done in the worker so the extension
   * host never loads the rules or the parser (they weigh megabytes).
   */
  exportAs?: { format: ExportFormat; displayPath: string };
}

export interface WorkerResult {
  report: Report;
  exported?: string;
}

export type WorkerResponse = ({ id: number; ok: true } & WorkerResult) | { id: number; ok: false; error: string };
