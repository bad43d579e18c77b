/**
 * Conditional requests (RFC 9110 §13) on versioned records (docs/decisions/022-optimistic-concurrency.md).
 * The ETag names the record's version: `"v3"` for a customer, whose body the version fixes entirely;
 * `W/"v3"` for a staff account, whose last sign-in changes without a new version. If-Match on a write
 * becomes the domain's expected version, so a stale one is refused by the rule the panel uses too.
 */
import type { Request } from 'express';
import type { WriteCondition } from '../domain/record-version.js';
import { parseVersion } from '../domain/record-version.js';
import type { ResponseDoc } from './operation.js';
import { HttpProblem } from './problem.js';
import { z } from './zod.js';

export type VersionedResource = 'Customer' | 'User';

export function etagOf(resource: VersionedResource, version: number): string {
  return resource === 'Customer' ? `"v${version}"` : `W/"v${version}"`;
}

/** `W/"v3", "v4"` → [3, 4]; a tag of another shape names no version of ours (undefined). */
function versionsIn(header: string): Array<number | undefined> {
  return header.split(',').map((tag) => {
    const match = /^\s*(?:W\/)?"v([^"]*)"\s*$/.exec(tag);
    return match ? parseVersion(match[1]) : undefined;
  });
}

/**
 * A GET's If-None-Match still holds the current version (weak comparison, RFC 9110 §13.1.2):
 * answer 304 without a body.
 */
export function isNotModified(req: Request, version: number): boolean {
  const header = req.get('If-None-Match');
  if (header === undefined) return false;
  return header.trim() === '*' || versionsIn(header).includes(version);
}

/**
 * What a write is conditioned on. Without If-Match (and REQUIRE_IF_MATCH off) or with `*`: nothing,
 * the write applies to the record as it is (the behaviour before versions). A tag that names no
 * version of ours can never match: version 0, which no record has, so the write is refused (412).
 */
export function writeConditionOf(req: Request, requireIfMatch: boolean): WriteCondition {
  const header = req.get('If-Match');
  if (header === undefined) {
    if (requireIfMatch)
      throw new HttpProblem(
        428,
        'This server requires If-Match on writes: send the ETag of the record as you read it (GET it first).',
      );
    return {};
  }
  if (header.trim() === '*') return {};
  return { expectedVersion: versionsIn(header).find((version) => version !== undefined) ?? 0 };
}

/** The request header of a conditional write, for the OpenAPI document. */
export const IfMatchHeaders = z.object({
  'If-Match': z.string().optional().openapi({
    description:
      'The ETag of the record as you read it: the write applies only if it is still the current version (else 412).',
    example: '"v3"',
  }),
});

/** The request header of a conditional read, for the OpenAPI document. */
export const IfNoneMatchHeaders = z.object({
  'If-None-Match': z.string().optional().openapi({
    description: 'The ETag of the copy you hold: 304 without a body if it is still the current version.',
    example: '"v3"',
  }),
});

const ETAG_HEADER = {
  ETag: { description: 'The version of the record, for If-Match and If-None-Match.', schema: { type: 'string' } },
} as const;

/** The ETag header, documented on an answer that carries a record. */
export const etagHeader = ETAG_HEADER;

/** The answers a conditional write adds (documented on PATCH, DELETE and restore). */
export const CONDITIONAL_WRITE_RESPONSES: Record<number, ResponseDoc> = {
  412: {
    description:
      'If-Match names a version that is no longer the current one: someone else changed the record. ' +
      'Nothing was written; the ETag header holds the current version.',
    problem: true,
    headers: ETAG_HEADER,
  },
  428: {
    description: 'If-Match is missing and the server requires it (REQUIRE_IF_MATCH=true).',
    problem: true,
  },
};

/** How a client uses If-Match, for the description of a conditional write. */
export const IF_MATCH_DESCRIPTION =
  'Send If-Match with the ETag you read (e.g. "v3") to apply the change only to that version: if someone else ' +
  'changed the record since, the answer is 412 and nothing is written. Without If-Match the change applies to ' +
  'the record as it is now (the last write wins), unless the server requires If-Match (428).';
