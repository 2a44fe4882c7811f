import type {
	NodeApiError,
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { OneAllCredentialError, resolveBaseUrl } from './baseUrl';
import { credentialError, isOwnError, oneAllError, operationError, transportError } from './errors';
import { doneSignal, runStateOf } from './runState';
import type { RunState } from './runState';
import type { OperationSpec } from './spec';

type Request = DeclarativeRestApiSettings.ResultOptions;

async function uploadPictures(
	context: IExecutePaginationFunctions,
	spec: OperationSpec,
	request: Request,
	urls: string[],
): Promise<string[]> {
	const upload = spec.pictureUpload as NonNullable<OperationSpec['pictureUpload']>;
	const body = request.options.body as { request: { push: IDataObject } };
	const target = body.request.push[spec.object] as IDataObject;
	const base = (request.options.url as string).replace(spec.path, '');
	const ids: string[] = [];
	for (const url of urls) {
		// A group or page upload names its group or page the same way the post does.
		const object: IDataObject = upload.object === spec.object && target.id !== undefined ? { id: target.id } : {};
		Object.assign(object, { url }, upload.extra ?? {});
		let answer: INodeExecutionData | undefined;
		try {
			[answer] = await context.makeRoutingRequest({
				...request,
				options: { ...request.options, url: `${base}${upload.path}`, body: { request: { push: { [upload.object]: object } } } },
			});
		} catch (caught) {
			// Say it was the picture step: OneAll's message alone reads as if the post had failed.
			const inner = isOwnError(caught)
				? (caught as NodeApiError)
				: transportError(context.getNode(), context.getItemIndex(), caught);
			throw oneAllError(
				context.getNode(),
				context.getItemIndex(),
				String(inner.httpCode ?? 'none'),
				`Uploading picture ${ids.length + 1} of ${urls.length} (${url}) failed, so nothing was posted: ${inner.message}`,
			);
		}
		const id = answer?.json?.picture_id;
		if (typeof id !== 'string' && typeof id !== 'number') {
			throw operationError(
				context.getNode(),
				context.getItemIndex(),
				`OneAll uploaded the picture ${url} but returned no picture_id`,
				'Nothing was posted for this item.',
			);
		}
		ids.push(String(id));
	}
	return ids;
}

/**
 * The credential's host rules, checked once per run before anything is sent. The credential's
 * authenticate checks them again on every request; this check only makes the error say so plainly,
 * since n8n reports whatever authenticate throws as a failed request.
 */
async function checkCredentialOnce(
	context: IExecutePaginationFunctions,
	state: RunState,
): Promise<OneAllCredentialError | undefined> {
	state.credentialCheck ??= context.getCredentials('oneAllApi').then(
		(credentials) => {
			try {
				resolveBaseUrl(credentials);
				return undefined;
			} catch (problem) {
				return problem instanceof OneAllCredentialError ? problem : undefined;
			}
		},
		() => undefined,
	);
	return await state.credentialCheck;
}

/**
 * Sends one item's request. Hooked in as the operations' pagination function because that is the
 * only point of n8n's declarative engine that wraps a whole request: it lets the node send items
 * one by one in input order (posts appear in the order they came), never send after a failure
 * unless the user chose to continue, report every failure with its item, and upload pictures
 * before the post that attaches them.
 */
export function dispatchPush(spec: OperationSpec) {
	return async function (this: IExecutePaginationFunctions, request: Request): Promise<INodeExecutionData[]> {
		const state = runStateOf(this);
		const itemIndex = this.getItemIndex();
		const pairedItem = { item: itemIndex };
		const continueOnFail = this.continueOnFail();
		const batching = (this.getNodeParameter('requestOptions', {}) as { batching?: unknown }).batching;
		// With batching n8n spaces the items out itself; otherwise wait until every item has been
		// checked, so that in stop-on-error mode one invalid item means nothing at all is sent.
		if (!batching) await state.allPrepared.promise;
		if (itemIndex > 0) await doneSignal(state, itemIndex - 1).promise;
		try {
			const plan = state.plans.get(itemIndex) ?? {};
			if (!continueOnFail && state.stopped) return [];
			if (plan.error) throw plan.error;
			const credentialProblem = await checkCredentialOnce(this, state);
			if (credentialProblem) throw credentialError(this.getNode(), itemIndex, credentialProblem);
			if (!continueOnFail && !batching) {
				for (const other of state.plans.values()) if (other.error) return [];
			}
			if (plan.pictureUrls?.length) {
				const ids = await uploadPictures(this, spec, request, plan.pictureUrls);
				const target = (request.options.body as { request: { push: IDataObject } }).request.push[spec.object] as IDataObject;
				target.attachments = [...((target.attachments as string[] | undefined) ?? []), ...ids];
			}
			const items = await this.makeRoutingRequest(request);
			return items.map((item) => ({ ...item, pairedItem }));
		} catch (caught) {
			const error = isOwnError(caught)
				? (caught as NodeApiError)
				: transportError(this.getNode(), itemIndex, caught);
			if (continueOnFail) return [{ json: { error: error.message }, error, pairedItem }];
			state.stopped = true;
			throw error;
		} finally {
			doneSignal(state, itemIndex).resolve();
		}
	};
}
