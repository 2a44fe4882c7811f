import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { listSearch } from './listSearch';
import { resources } from './resources';
import { describeResources } from './shared/describe';

export class OneAll implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneAll',
		name: 'oneAll',
		icon: { light: 'file:oneall.svg', dark: 'file:oneall.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Publish to Facebook, LinkedIn, Pinterest, Twitter and YouTube through OneAll',
		defaults: { name: 'OneAll' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneAllApi', required: true }],
		requestDefaults: {
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			json: true,
			// Every answer reaches the node's own reader, which reports OneAll's status and info.
			ignoreHttpStatusErrors: true,
		},
		properties: describeResources(resources),
	};

	methods = { listSearch };
}
