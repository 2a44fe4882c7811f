import type { ListingSpec } from './spec';

/** A list read page after page: its entries under `key`, the page size sent as `sizeParam`. */
export const paged = (key: string, sizeParam: string): ListingSpec => ({ key, paging: { pages: { sizeParam } } });

/** A list OneAll documents no paging for: one request, whose entries the limit cuts. */
export const oneRequest = (key: string): ListingSpec => ({ key, paging: 'single' });
