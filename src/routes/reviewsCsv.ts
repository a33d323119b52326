import type { APIRoute } from 'astro';
import { singlePage } from '../data/handbook';
import { reviewCsv, reviewRows } from '../lib/review-table';

/** The review dashboard as CSV, computed on the build's today. */
export const GET: APIRoute = () =>
  new Response(reviewCsv(reviewRows(singlePage('reviewsCsv').handbook)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
