import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { APIS, sendsBody } from './apis';
import { dispatchRequest } from './dispatch';
import { prepareRequest } from './prepare';
import { outputResultData } from './response';
import { boundOperations } from './spec';
import type { BoundOperation, FieldSpec, ResourceSpec } from './spec';
import { mergeOrders } from './mergeOrders';
import { ID_RULES, inEditor } from './validate';

// Turns the operations' data (resources/*) into n8n properties with declarative routing.

// Plain comparison: localeCompare would start ICU's collator, a third of the node's cold load.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDisplayName = <T extends { displayName: string }>(a: T, b: T) => compare(a.displayName, b.displayName);
const byName = <T extends { name: string }>(a: T, b: T) => compare(a.name, b.name);

const showFor = (spec: BoundOperation) => ({ show: { resource: [spec.resource], operation: [spec.value] } });

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
							regex: field.kind === 'pathId' ? inEditor(ID_RULES.pathId) : '^.*\\S.*$',
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
			return { type: 'number', default: field.default ?? 0, typeOptions: { minValue: field.minValue ?? 0, numberPrecision: 0 } };
		case 'options':
			return { type: 'options', default: field.default ?? '', options: [...(field.options ?? [])].sort(byName) };
		case 'multiOptions':
			return { type: 'multiOptions', default: field.default ?? [], options: [...(field.options ?? [])].sort(byName) };
		default:
			return {
				type: 'string',
				default: field.default ?? '',
				...(field.rows ? { typeOptions: { rows: field.rows } } : {}),
			};
	}
}

// The body is built from these fields by prepare.ts, not by routing: n8n's declarative engine
// evaluates every property of the description for every item, so fields carry no routing and
// each parameter name is declared as few times as its definitions allow.
function fieldProperty(field: FieldSpec, inCollection: boolean): INodeProperties {
	const property = {
		displayName: field.displayName,
		name: field.name,
		...typeOf(field),
		...(field.placeholder && !field.listMethod ? { placeholder: field.placeholder } : {}),
		...(field.description ? { description: field.description } : {}),
		...((field.markRequired ?? field.required) && !inCollection ? { required: true } : {}),
		...(field.showIf && !inCollection ? { displayOptions: { show: field.showIf } } : {}),
	} as INodeProperties;
	return property;
}

const customFields = (spec: BoundOperation): INodeProperties => ({
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'json',
	default: '{}',
	description: `Extra keys OneAll accepts for this operation that the node does not list, as a JSON object. They are merged into the "${spec.object}" node of the request and win over the fields above.`,
});

/** Only a request with a body has optional keys and custom fields to put in it. */
const hasBody = (spec: BoundOperation) => sendsBody(spec.api, spec.method);

function operationNotices(spec: BoundOperation): INodeProperties[] {
	if (!spec.notice) return [];
	return [
		{
			displayName: spec.notice,
			name: `notice${spec.resource}${spec.value}`,
			type: 'notice',
			default: '',
			displayOptions: showFor(spec),
		},
	];
}

/** A listing's Filters or Options collection, declared for its one operation. */
function collectionProperty(spec: BoundOperation, name: 'filters' | 'options'): INodeProperties {
	return {
		displayName: name === 'filters' ? 'Filters' : 'Options',
		name,
		type: 'collection',
		placeholder: name === 'filters' ? 'Add Filter' : 'Add Option',
		default: {},
		displayOptions: showFor(spec),
		options: (spec[name] ?? []).map((field) => fieldProperty(field, true)).sort(byDisplayName),
	};
}

/**
 * One "Additional Fields" collection for every operation. n8n's declarative engine evaluates every
 * declared property for every item, hidden or not, so a collection declared once per operation
 * would evaluate the user's expressions in it once per operation. Each option is shown for the
 * operations of one resource that use exactly that definition; options of one name never show
 * together.
 */
function additionalFieldsProperty(resources: ResourceSpec[]): INodeProperties {
	const options = new Map<string, { option: INodeProperties; resource: string; operations: string[] }>();
	for (const resource of resources) {
		for (const spec of boundOperations(resource).filter(hasBody)) {
			for (const option of [...spec.additional.map((field) => fieldProperty(field, true)), customFields(spec)]) {
				const key = `${resource.value}\u0000${JSON.stringify(option)}`;
				const use = options.get(key) ?? { option, resource: resource.value, operations: [] };
				use.operations.push(spec.value);
				options.set(key, use);
			}
		}
	}
	const operations = resources.flatMap(boundOperations).filter(hasBody);
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: {
			show: {
				resource: [...new Set(operations.map((spec) => spec.resource))],
				operation: [...new Set(operations.map((spec) => spec.value))],
			},
		},
		options: [...options.values()]
			.map(({ option, resource, operations: shownFor }) => ({
				...option,
				displayOptions: { show: { '/resource': [resource], '/operation': shownFor } },
			}))
			.sort(byDisplayName),
	};
}

/** Whether n8n's resource × operation rule, given these uses' resources and operations, shows exactly them. */
function showsExactly(uses: BoundOperation[], operations: BoundOperation[]): boolean {
	const resources = new Set(uses.map((spec) => spec.resource));
	const values = new Set(uses.map((spec) => spec.value));
	return operations.every(
		(spec) => !(resources.has(spec.resource) && values.has(spec.value)) || uses.includes(spec),
	);
}

const shownFor = (property: INodeProperties, uses: BoundOperation[]): INodeProperties => ({
	...property,
	displayOptions: {
		show: {
			...property.displayOptions?.show,
			resource: [...new Set(uses.map((spec) => spec.resource))],
			operation: [...new Set(uses.map((spec) => spec.value))],
		},
	},
});

/**
 * The operations' own fields as n8n properties. n8n's declarative engine evaluates every declared
 * property for every item, so a field definition that several operations share is declared once,
 * shown for all of them, wherever n8n's display rule can say exactly that (else once per use), and
 * the declarations are ordered so that every operation shows its fields in its own order.
 */
function fieldProperties(resources: ResourceSpec[]): INodeProperties[] {
	const operations = resources.flatMap(boundOperations);
	// Each field's definition as text, made once: equal texts are one declaration.
	const definitions = new Map(
		operations.map((spec) => [spec, spec.fields.map((field) => JSON.stringify(fieldProperty(field, false)))]),
	);
	const usesOf = new Map<string, BoundOperation[]>();
	for (const spec of operations) {
		for (const definition of definitions.get(spec) as string[]) usesOf.set(definition, [...(usesOf.get(definition) ?? []), spec]);
	}
	const declarations = new Map<string, { property: INodeProperties; uses: BoundOperation[] }>();
	const keysOf = (spec: BoundOperation) =>
		spec.fields.map((field, index) => {
			const definition = (definitions.get(spec) as string[])[index];
			const uses = usesOf.get(definition) as BoundOperation[];
			const shared = showsExactly(uses, operations);
			const key = shared ? definition : `${definition}\u0000${spec.resource}.${spec.value}`;
			if (!declarations.has(key)) declarations.set(key, { property: fieldProperty(field, false), uses: shared ? uses : [spec] });
			return key;
		});
	const order = mergeOrders(operations.map(keysOf));
	if (!order) {
		// Declaring each use apart would work but evaluate the user's expressions once per use.
		throw new Error('Two operations list fields they share in different orders: list them in one order');
	}
	return order.map((key) => {
		const { property, uses } = declarations.get(key) as { property: INodeProperties; uses: BoundOperation[] };
		return shownFor(property, uses);
	});
}

function operationOption(spec: BoundOperation): INodePropertyOptions {
	return {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: { method: spec.method, url: `${APIS[spec.api].prefix}${spec.path}` },
			send: { preSend: [prepareRequest(spec)], paginate: true },
			operations: { pagination: dispatchRequest(spec) },
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
	description: 'The connected social account (a OneAll identity) to act as',
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
						regex: inEditor(ID_RULES.uuid),
						errorMessage: 'An identity token is a UUID such as 923843ec-1749-4cc1-988f-d6963f3b1baa',
					},
				},
			],
		},
	],
};

/**
 * The Identity, shown for every operation that names one. One declaration (n8n evaluates each
 * for every item) shown by operation value, since n8n's display rules cannot say "resource
 * identity and operation getMany" in one hide rule; when an operation value names an identity in
 * one resource and none in another, one declaration per resource instead.
 */
function identityProperties(resources: ResourceSpec[]): INodeProperties[] {
	const all = resources.flatMap(boundOperations);
	const withIdentity = all.filter((spec) => spec.identity !== false);
	if (withIdentity.length === all.length) return [identityProperty];
	const withoutIdentity = new Set(all.filter((spec) => spec.identity === false).map((spec) => spec.value));
	if (!withIdentity.some((spec) => withoutIdentity.has(spec.value))) {
		return [{ ...identityProperty, displayOptions: { show: { operation: [...new Set(withIdentity.map((spec) => spec.value))] } } }];
	}
	return resources
		.map((resource) => boundOperations(resource).filter((spec) => spec.identity !== false))
		.filter((uses) => uses.length)
		.map((uses) => shownFor(identityProperty, uses));
}

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
		const operations = boundOperations(resource).sort(byName);
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
	properties.push(...identityProperties(sorted));
	const all = sorted.flatMap(boundOperations);
	for (const operation of all) properties.push(...operationNotices(operation));
	properties.push(...fieldProperties(sorted));
	properties.push(additionalFieldsProperty(sorted));
	for (const operation of all) if (operation.filters) properties.push(collectionProperty(operation, 'filters'));
	for (const operation of all) if (operation.options) properties.push(collectionProperty(operation, 'options'));
	return properties;
}
