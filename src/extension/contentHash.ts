/** The content hash the project index keys entries by; tiny so the extension host can use it without loading the analysis. */
import { createHash } from 'node:crypto';

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
