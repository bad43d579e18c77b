/**
 * The response headers of a file export, for the API and the panel alike: its media type, a
 * download under the export's file name, and no copy kept by a cache (it holds personal data).
 */
import { EXPORT_MEDIA_TYPES } from '../domain/customers/export-file.js';
import type { CustomerExport } from '../domain/customers/export.js';

export function exportHeaders(run: Pick<CustomerExport, 'format' | 'fileName'>): Record<string, string> {
  return {
    'Content-Type': EXPORT_MEDIA_TYPES[run.format],
    'Content-Disposition': `attachment; filename="${run.fileName}"`,
    'Cache-Control': 'no-store',
  };
}
