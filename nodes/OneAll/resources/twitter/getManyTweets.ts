import { limit, returnAll } from '../../shared/fields';
import { paged } from '../../shared/listings';
import type { OperationSpec } from '../../shared/spec';

export const getManyTweets: OperationSpec = {
	value: 'getManyTweets',
	name: 'Get Many Tweets',
	action: 'Get many tweets',
	description: 'Read the identity’s tweets, newest first; returns one item per tweet',
	api: 'pull',
	method: 'GET',
	path: 'twitter/tweets.json',
	orderedPerIdentity: false,
	output: 'entries',
	listing: paged('tweets', 'num_tweets'),
	fields: [returnAll, limit],
	additional: [],
	options: [
		{
			name: 'afterTweetId',
			displayName: 'After Tweet ID',
			kind: 'text',
			query: 'after_tweet_id',
			placeholder: 'e.g. 1730000000000000001',
			description: 'Only tweets published after this one, e.g. the newest tweet of the last run',
		},
	],
};
