import type { Method } from './spec';

/** What one of OneAll's APIs is: every operation that calls it shares these facts. */
export interface ApiSpec {
	/** The path before an operation's own path; `{identityToken}` is the identity's token. */
	prefix: string;
	/** The key under `request` of the JSON body, e.g. `{"request":{"push":…}}`. */
	envelope?: 'push' | 'update';
	/** The methods whose requests carry that body; the others send none. */
	bodyMethods: Method[];
	/** The most entries a listing of this API asks for in one page. */
	pageSize?: number;
}

export type ApiName = 'push' | 'update' | 'identity' | 'pull';

export const APIS: Record<ApiName, ApiSpec> = {
	push: { prefix: '/push/identities/{identityToken}/', envelope: 'push', bodyMethods: ['POST'] },
	update: { prefix: '/update/identities/{identityToken}/', envelope: 'update', bodyMethods: ['PUT'] },
	// OneAll's documented maximum for entries_per_page.
	identity: { prefix: '/', bodyMethods: [], pageSize: 500 },
	// OneAll documents no maximum for the Pull API's num_* parameters; 100 is what its networks
	// allow for one page of posts, so a larger value is never asked for.
	pull: { prefix: '/pull/identities/{identityToken}/', bodyMethods: [], pageSize: 100 },
};

export const sendsBody = (api: ApiName, method: Method): boolean => APIS[api].bodyMethods.includes(method);
