import type { ResourceSpec } from '../../shared/spec';
import { getManyBoards } from './getManyBoards';
import { getManyPins } from './getManyPins';
import { deletePin } from './deletePin';
import { publishBoard } from './publishBoard';
import { publishPin } from './publishPin';
import { updatePin } from './updatePin';

export const pinterest: ResourceSpec = {
	value: 'pinterest',
	name: 'Pinterest',
	provider: 'pinterest',
	notice:
		"Pinterest must be fully configured for your OneAll Site with the option Publish Actions enabled, and the user must have consented.",
	operations: [publishPin, publishBoard, updatePin, deletePin, getManyBoards, getManyPins],
};
