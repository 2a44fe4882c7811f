'use strict';
/*
 * The read operations (Pull API) in real n8n: every one of the 16 once, a listing read over
 * several pages, the errors of a read, and the two shipped examples that use them. The table of
 * expected requests is written by hand from the node contract's "Read operations" section; what
 * each node must output is what the sandbox recorded it answered, entry by entry.
 */
const fs = require('fs');
const path = require('path');
const { check, fail, assertEqual, outputOf, pairedIndexes, expectSuccess, errorsOf } = require('../harness/suite');
const { checkAllAuth } = require('../harness/secrets');
const { manualTrigger, workflow } = require('../harness/workflow');
const data = require('../sandbox/data');

const ROOT = path.resolve(__dirname, '..', '..');
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const CREDENTIAL = { id: 'e2eSandboxCred01', name: 'OneAll sandbox' };

const token = (provider) => data.named[provider].identity_token;
const firstOf = (provider, list, key) => String(data.pull[token(provider)][list][0][key]);
const IDS = {
	group: firstOf('facebook', 'groups', 'group_id'),
	page: firstOf('facebook', 'pages', 'page_id'),
	company: firstOf('linkedin', 'companies', 'company_id'),
	board: firstOf('pinterest', 'boards', 'board_id'),
	playlist: firstOf('youtube', 'playlists', 'playlist_id'),
	pagePost: String(data.objects[token('facebook')].pagePosts[firstOf('facebook', 'pages', 'page_id')][0].post_id),
};
/**
 * The long tweet list (three pages of 100 and a short one) belongs to the second Twitter identity:
 * the named one keeps its hand-written tweets, which the delete scenarios delete by id.
 */
const TWEETS = 340;
const PAGED = data.identities.filter((i) => i.provider === 'twitter')[1].identity_token;
const PULL_SIZES = { [PAGED]: { tweets: TWEETS } };

const byId = (value) => ({ __rl: true, mode: 'id', value });
/** node name → [resource, operation, provider, path after /pull/identities/{t}/, query, list key, parameters] */
const READS = {
	'FB Posts': ['facebook', 'getManyPosts', 'facebook', 'facebook/posts.json', '?page=1&num_posts=50&limit_own_posts=1', 'posts', { options: { ownPostsOnly: true } }],
	'FB Groups': ['facebookGroup', 'getManyGroups', 'facebook', 'facebook/groups.json', '', 'groups', {}],
	'FB Group Posts': ['facebookGroup', 'getManyPosts', 'facebook', `facebook/group/${IDS.group}/posts.json`, '?page=1&num_posts=3', 'posts', { groupId: byId(IDS.group), limit: 3 }],
	'FB Pages': ['facebookPage', 'getManyPages', 'facebook', 'facebook/pages.json', '?page=1&num_pages=50', 'pages', {}],
	'FB Page Posts': ['facebookPage', 'getManyPosts', 'facebook', `facebook/page/${IDS.page}/posts.json`, '?page=1&num_posts=50', 'posts', { pageId: byId(IDS.page) }],
	'FB Reactions': ['facebookPage', 'getManyReactions', 'facebook', `facebook/page/${IDS.page}/post/${IDS.pagePost}/reactions.json`, '', 'reactions', { pageId: byId(IDS.page), postId: byId(IDS.pagePost) }],
	'LI Posts': ['linkedIn', 'getManyPosts', 'linkedin', 'linkedin/user/posts.json', '?page=1&num_posts=50', 'posts', {}],
	'LI Companies': ['linkedInCompany', 'getManyCompanies', 'linkedin', 'linkedin/companies.json', '', 'companies', {}],
	'LI Company Posts': ['linkedInCompany', 'getManyPosts', 'linkedin', `linkedin/company/${IDS.company}/posts.json`, '?page=1&num_posts=50', 'posts', { companyId: byId(IDS.company) }],
	'PI Boards': ['pinterest', 'getManyBoards', 'pinterest', 'pinterest/boards.json', '', 'boards', {}],
	'PI Pins': ['pinterest', 'getManyPins', 'pinterest', 'pinterest/pins.json', '', 'pins', {}],
	'PI Board Pins': ['pinterest', 'getManyPins', 'pinterest', `pinterest/board/${IDS.board}/pins.json`, '', 'pins', { filters: { boardId: byId(IDS.board) } }],
	'TW Tweets': ['twitter', 'getManyTweets', 'twitter', 'twitter/tweets.json', '?page=1&num_tweets=2', 'tweets', { limit: 2 }],
	'YT Channels': ['youtube', 'getManyChannels', 'youtube', 'youtube/channels.json', '', 'channels', {}],
	'YT Playlists': ['youtube', 'getManyPlaylists', 'youtube', 'youtube/playlists.json', '', 'playlists', {}],
	'YT Playlist Videos': ['youtube', 'getManyPlaylistVideos', 'youtube', `youtube/playlist/${IDS.playlist}/videos.json`, '', 'videos', { playlistId: byId(IDS.playlist) }],
	'YT Videos': ['youtube', 'getManyVideos', 'youtube', 'youtube/videos.json', '', 'videos', {}],
};

function readNode(name, resource, operation, provider, parameters, settings = {}) {
	return {
		name,
		type: 'n8n-nodes-oneall.oneAll',
		typeVersion: 1,
		parameters: { resource, operation, identityToken: byId(token(provider)), ...parameters },
		credentials: { oneAllApi: CREDENTIAL },
		...settings,
	};
}

/** Every entry the sandbox answered to these requests, in order. */
const served = (requests, key) => requests.flatMap((r) => (r.result && r.result[key] && r.result[key].entries) || []);

function checkRead(run, requests, name, [, , provider, sub, query, key], limit = 50) {
	const url = `/pull/identities/${token(provider)}/${sub}${query}`;
	const mine = requests.filter((r) => r.url === url);
	check(`${name}: GET ${sub}${query}, no body, answered 200`, () => {
		if (mine.length !== 1) fail(`${mine.length} requests to ${url}`);
		assertEqual([mine[0].method, mine[0].body, mine[0].status, mine[0].headers['content-type']], ['GET', '', 200, undefined], 'method, body, status, Content-Type');
	});
	check(`${name}: one item per entry the sandbox answered (at most ${limit}), paired with item 0`, () => {
		const items = outputOf(run, name);
		const entries = served(mine, key).slice(0, limit);
		if (!entries.length) fail('the sandbox answered no entry: the case proves nothing');
		assertEqual(items.map((i) => i.json), entries, 'items');
		assertEqual(pairedIndexes(items), entries.map(() => 0), 'pairedItem');
		return `${items.length} items`;
	});
}

const everyRead = {
	number: 'rd',
	title: 'every read operation once, a listing over four pages, and the errors of a read',
	workflow: workflow('e2eReadsEvery001', 'E2E reads: every read operation', [
		manualTrigger(),
		...Object.entries(READS).map(([name, [resource, operation, provider, , , , parameters]]) => readNode(name, resource, operation, provider, parameters)),
		readNode('TW All Tweets', 'twitter', 'getManyTweets', 'twitter', { identityToken: byId(PAGED), returnAll: true }),
		readNode('FB Unknown Page', 'facebookPage', 'getManyPosts', 'facebook', { pageId: byId('999000999') }, { onError: 'continueErrorOutput' }),
		// From an expression: n8n itself refuses to start a workflow whose typed id fails the editor's rule.
		readNode('FB Bent Page', 'facebookPage', 'getManyPosts', 'facebook', { pageId: byId('={{ "../pages" }}') }, { onError: 'continueRegularOutput' }),
	], [
		...Object.keys(READS).map((name) => ['Start', name]),
		['Start', 'TW All Tweets'],
		['Start', 'FB Unknown Page'],
		['Start', 'FB Bent Page'],
	]),
	verify({ run, requests }) {
		check('workflow succeeds', () => expectSuccess(run));
		for (const [name, row] of Object.entries(READS)) {
			const limit = row[6].limit || 50;
			checkRead(run, requests, name, row, limit);
		}
		check(`TW All Tweets: Return All reads pages of 100 until the short one, ${TWEETS} items in the sandbox's order`, () => {
			const base = `/pull/identities/${PAGED}/twitter/tweets.json`;
			const pages = requests.filter((r) => r.pathname === base && r.query.num_tweets === '100');
			assertEqual(pages.map((r) => r.url), [1, 2, 3, 4].map((page) => `${base}?page=${page}&num_tweets=100`), 'pages');
			const items = outputOf(run, 'TW All Tweets');
			assertEqual(items.map((i) => i.json), served(pages, 'tweets'), 'items');
			assertEqual(items.length, TWEETS, 'item count');
		});
		check("FB Unknown Page: OneAll's 404 on the error output, with pairedItem 0", () => {
			const [item] = outputOf(run, 'FB Unknown Page', 1);
			assertEqual([item.json.error.startsWith('OneAll error 404: '), item.pairedItem.item], [true, 0], 'error item');
		});
		check('FB Bent Page: a path-bending page id is refused before sending, naming the parameter and item', () => {
			const [item] = outputOf(run, 'FB Bent Page');
			assertEqual(item.json.error.startsWith('Page (pageId) ') && item.json.error.endsWith('[item 0]'), true, item.json.error);
			if (requests.some((r) => r.url.includes('..') || r.url.includes('%2F'))) fail('a request with the bent id was sent');
		});
		check('every request carried the credential', () => checkAllAuth(requests));
		if (errorsOf(run).length < 2) check('the two error items are recorded as errors', () => fail(`${errorsOf(run).length} errors`));
	},
};

/**
 * A binary file of a run's output: inline (n8n 1.x keeps it in the run data), or in the user
 * folder's binary data store that n8n 2.x writes it to (the id names its path there).
 */
function binaryText(binary, instance) {
	const STORE = 'filesystem-v2';
	if (binary.data !== STORE) return Buffer.from(binary.data, 'base64').toString('utf8');
	return fs.readFileSync(path.join(instance.folder, '.n8n', 'storage', binary.id.slice(STORE.length + 1)), 'utf8');
}

/**
 * A shipped example with its placeholder identity replaced by one of the sandbox's. `n8n
 * execute` starts a workflow only from a manual (or sub-workflow) trigger, so a Schedule Trigger
 * is swapped for a Manual Trigger of the same name; every other node runs as shipped.
 */
function example(file, id, identityToken) {
	const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
	wf.id = id;
	for (const node of wf.nodes.filter((n) => n.type === 'n8n-nodes-base.scheduleTrigger')) Object.assign(node, manualTrigger(node.name));
	for (const node of wf.nodes) {
		if (node.credentials) node.credentials = { oneAllApi: CREDENTIAL };
		if (node.parameters.identityToken && node.parameters.identityToken.value === PLACEHOLDER) node.parameters.identityToken.value = identityToken;
	}
	return wf;
}

const everyPage = {
	number: 'rdp',
	title: 'examples/post-to-every-facebook-page.json: Get Many Pages → one post per page',
	workflow: example('post-to-every-facebook-page.json', 'e2eExamplePages1', token('facebook')),
	verify({ run, requests }) {
		check('workflow succeeds', () => expectSuccess(run));
		const [list, ...posts] = requests;
		const pages = served([list], 'pages');
		check('one GET of the pages (Return All: a page of 100), then one post per page, in order, to the same identity', () => {
			assertEqual(list.url, `/pull/identities/${token('facebook')}/facebook/pages.json?page=1&num_pages=100`, 'the listing');
			if (!pages.length) fail('no page listed');
			assertEqual(posts.map((r) => r.pathname), pages.map(() => `/push/identities/${token('facebook')}/facebook/page/post.json`), 'posts');
			assertEqual(posts.map((r) => r.json.request.push.page.id), pages.map((p) => String(p.page_id)), 'page ids');
			for (const r of posts) assertEqual(r.status, 200, `${r.url} status`);
			return `${pages.length} pages`;
		});
		check('Publish Post: one item per page, paired with its page', () => {
			const items = outputOf(run, 'Publish Post');
			assertEqual(pairedIndexes(items), pages.map((_p, i) => i), 'pairedItem');
			assertEqual(items.map((i) => i.json), posts.map((r) => r.result), 'items');
		});
	},
};

const weeklyReport = {
	number: 'rdw',
	title: 'examples/weekly-tweet-report.json: Schedule → Get Many Tweets (Return All) → CSV file',
	workflow: example('weekly-tweet-report.json', 'e2eExampleWeekl1', PAGED),
	verify({ run, requests, instance }) {
		check('the shipped example starts from a Schedule Trigger, Every Monday at 9:00', () => {
			const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'weekly-tweet-report.json'), 'utf8'));
			const trigger = shipped.nodes.find((n) => n.name === 'Every Monday');
			assertEqual([trigger.type, trigger.parameters.rule], ['n8n-nodes-base.scheduleTrigger', { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 9 }] }], 'trigger');
		});
		check('workflow succeeds', () => expectSuccess(run));
		const tweets = served(requests, 'tweets');
		check(`every page of tweets read (${TWEETS} tweets), one item per tweet`, () => {
			assertEqual(requests.map((r) => r.query.page), ['1', '2', '3', '4'], 'pages');
			assertEqual(outputOf(run, 'Tweets').map((i) => i.json), tweets, 'items');
		});
		check('Report: one CSV file with a header and one row per tweet', () => {
			const [file] = outputOf(run, 'Report');
			const binary = file.binary && file.binary.data;
			if (!binary) fail('no binary data');
			assertEqual([binary.fileName, binary.mimeType], ['tweets.csv', 'text/csv'], 'file');
			const rows = binaryText(binary, instance).trim().split('\n');
			assertEqual(rows.length, tweets.length + 1, 'rows');
			const ids = tweets.map((t) => String(t.post_id));
			if (!ids.every((id, i) => rows[i + 1].includes(id))) fail('a row does not hold its tweet id');
		});
	},
};

module.exports = { readScenarios: [everyRead, everyPage, weeklyReport], PULL_SIZES };
