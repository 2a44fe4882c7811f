import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { resolveBaseUrl } from '../nodes/OneAll/shared/baseUrl';

export class OneAllApi implements ICredentialType {
	name = 'oneAllApi';

	displayName = 'OneAll API';

	icon: Icon = {
		light: 'file:../nodes/OneAll/oneall.svg',
		dark: 'file:../nodes/OneAll/oneall.dark.svg',
	};

	documentationUrl = 'https://docs.oneall.com/api/basic/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'Site Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mysite',
			description:
				'The subdomain of your OneAll Site, shown in the OneAll dashboard under Site → API Settings: for https://mysite.api.oneall.com enter mysite',
		},
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description: "The Site's API public key (OneAll dashboard → Site → API Settings)",
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The Site's API private key (OneAll dashboard → Site → API Settings)",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://localhost:5679',
			description:
				'Leave empty to use https://&lt;subdomain&gt;.api.oneall.com. Set it only for a proxy or a local OneAll-compatible server: an http(s) origin without a path.',
		},
	];

	// A function rather than a generic block: the host is derived from validated credential fields
	// on every request, so neither a node parameter nor an expression can send the keys elsewhere.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseURL = resolveBaseUrl(credentials);
		if (/^[a-z][a-z0-9+.-]*:/i.test(requestOptions.url) && !requestOptions.url.startsWith(`${baseURL}/`)) {
			throw new Error('Refusing to send OneAll credentials to a URL outside the configured Site');
		}
		return {
			...requestOptions,
			baseURL,
			auth: {
				username: String(credentials.publicKey ?? ''),
				password: String(credentials.privateKey ?? ''),
			},
		};
	}

	// n8n shows a rule's message when the test request gets that HTTP status. /identities.json exists
	// on every Site, so OneAll answers it with 404 only when no Site has this subdomain (OneAll's own
	// plugins read a 404 from their key check the same way). A request that gets no answer at all
	// (no such host, connection refused) is reported by n8n itself with the system's error code.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/identities.json',
			qs: { page: 1, entries_per_page: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'OneAll refused the keys: "Authentication credentials are missing or incorrect". The Public Key or the Private Key is wrong for this Site: copy both from OneAll → Site → API Settings (they are not your dashboard login).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'OneAll has no Site with this subdomain (HTTP 404): check the Site Subdomain (for https://mysite.api.oneall.com enter mysite), and the Base URL if you set one.',
				},
			},
		],
	};
}
