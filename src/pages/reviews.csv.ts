import type { APIRoute } from 'astro';
import { getHandbook } from '../data/handbook';
import { reviewCsv, reviewRows } from '../lib/review-table';

/** The review dashboard as CSV, computed on the build's today. */
export const GET: APIRoute = () =>
  new Response(reviewCsv(reviewRows(getHandbook())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
