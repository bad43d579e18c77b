/**
 * zod with `.openapi()` (descriptions, examples, component names for the OpenAPI document).
 * Extending zod changes its prototype: every schema — the domain's too — gains the method.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
