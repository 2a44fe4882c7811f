import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, ILoadOptionsFunctions } from 'n8n-workflow';
import { transportError } from './errors';
import { readOneAllAnswer } from './response';

/** A GET for the editor's lists; the credential supplies host and keys, the reader judges the answer. */
export async function oneAllGet(
	this: ILoadOptionsFunctions,
	url: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		qs,
		json: true,
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'oneAllApi',
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw transportError(this.getNode(), 0, error);
	}
	return readOneAllAnswer(this.getNode(), 0, response);
}
