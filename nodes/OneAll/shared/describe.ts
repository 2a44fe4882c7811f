import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { dispatchPush } from './dispatch';
import { preparePush } from './prepare';
import { outputResultData } from './response';
import type { FieldSpec, OperationSpec, ResourceSpec } from './spec';
import { UUID_PATTERN } from './validate';

// Turns the operations' data (resources/*) into n8n properties with declarative routing.

// Plain comparison: localeCompare would start ICU's collator, a third of the node's cold load.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDisplayName = <T extends { displayName: string }>(a: T, b: T) => compare(a.displayName, b.displayName);
const byName = <T extends { name: string }>(a: T, b: T) => compare(a.name, b.name);

const showFor = (spec: OperationSpec) => ({ show: { resource: [spec.resource], operation: [spec.value] } });

function locatorProperty(field: FieldSpec): Partial<INodeProperties> {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${field.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: field.listMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: field.kind === 'pathId' ? '^(?!\\s*\\.+\\s*$)\\s*[A-Za-z0-9_.:@~=+-]+\\s*$' : '^.*\\S.*$',
							errorMessage:
								field.kind === 'pathId'
									? 'Use only letters, digits and - _ . : @ ~ = + (no "/", "?", "#", "%" or spaces)'
									: 'Enter an ID',
						},
					},
				],
			},
		],
	};
}

function typeOf(field: FieldSpec): Partial<INodeProperties> {
	if (field.listMethod) return locatorProperty(field);
	switch (field.kind) {
		case 'boolean':
			return { type: 'boolean', default: field.default ?? false };
		case 'number':
			return { type: 'number', default: field.default ?? 0, typeOptions: { minValue: 0, numberPrecision: 0 } };
		case 'options':
			return { type: 'options', default: field.default ?? '', options: [...(field.options ?? [])].sort(byName) };
		default:
			return {
				type: 'string',
				default: field.default ?? '',
				...(field.rows ? { typeOptions: { rows: field.rows } } : {}),
			};
	}
}

function fieldProperty(field: FieldSpec, inCollection: boolean): INodeProperties {
	const property = {
		displayName: field.displayName,
		name: field.name,
		...typeOf(field),
		...(field.placeholder && !field.listMethod ? { placeholder: field.placeholder } : {}),
		...(field.description ? { description: field.description } : {}),
		...(field.required && !inCollection ? { required: true } : {}),
	} as INodeProperties;
	if (field.body !== undefined) {
		property.routing = { send: { type: 'body', property: `request.push.${field.body}` } };
	}
	return property;
}

const customFields = (spec: OperationSpec): INodeProperties => ({
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'json',
	default: '{}',
	description: `Extra keys OneAll accepts for this operation that the node does not list, as a JSON object. They are merged into the "${spec.object}" node of the request and win over the fields above.`,
});

function operationProperties(spec: OperationSpec): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (spec.notice) {
		properties.push({
			displayName: spec.notice,
			name: `notice${spec.resource}${spec.value}`,
			type: 'notice',
			default: '',
			displayOptions: showFor(spec),
		});
	}
	for (const field of spec.fields) {
		properties.push({ ...fieldProperty(field, false), displayOptions: showFor(spec) });
	}
	properties.push({
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(spec),
		options: [...spec.additional.map((field) => fieldProperty(field, true)), customFields(spec)].sort(byDisplayName),
	});
	return properties;
}

function operationOption(spec: OperationSpec): INodePropertyOptions {
	return {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: { method: 'POST', url: `/push/identities/{identityToken}/${spec.path}` },
			send: { preSend: [preparePush(spec)], paginate: true },
			operations: { pagination: dispatchPush(spec) },
			output: { postReceive: [outputResultData] },
		},
	};
}

export const identityProperty: INodeProperties = {
	displayName: 'Identity',
	name: 'identityToken',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The connected social account (a OneAll identity) that publishes',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an identity...',
			typeOptions: { searchListMethod: 'getIdentities', searchable: true },
		},
		{
			displayName: 'By Token',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 923843ec-1749-4cc1-988f-d6963f3b1baa',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: UUID_PATTERN.replace('^', '^\\s*').replace('$', '\\s*$'),
						errorMessage: 'An identity token is a UUID such as 923843ec-1749-4cc1-988f-d6963f3b1baa',
					},
				},
			],
		},
	],
};

export function describeResources(resources: ResourceSpec[]): INodeProperties[] {
	const sorted = [...resources].sort(byName);
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: sorted.map((resource) => ({ name: resource.name, value: resource.value })),
			default: 'twitter',
		},
	];
	for (const resource of sorted) {
		const operations = [...resource.operations].sort(byName);
		const firstOperation = resource.operations[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations.map(operationOption),
			default: firstOperation,
		});
	}
	for (const resource of sorted) {
		if (resource.notice) {
			properties.push({
				displayName: resource.notice,
				name: `notice${resource.value}`,
				type: 'notice',
				default: '',
				displayOptions: { show: { resource: [resource.value] } },
			});
		}
	}
	properties.push(identityProperty);
	for (const resource of sorted) {
		for (const operation of resource.operations) properties.push(...operationProperties(operation));
	}
	return properties;
}
