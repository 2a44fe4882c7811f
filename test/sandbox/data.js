'use strict';

/**
 * Realistic, deterministic data for the OneAll sandbox server (counters and a SHA-1 of fixed seeds:
 * every run has the same tokens and ids): `module.exports` is the default data set (620 identities:
 * 11 hand-written named ones first, then generated), `createData({ total })` builds one. A data set
 * (what `startSandbox({ data })` takes):
 *   { identities: [entry, ...],      // ascending date_creation
 *     pull: { [identity_token]: { pages?, groups?, companies?, boards?, playlists? } },
 *     objects: { [identity_token]: { tweets?, pagePosts?, ... } },  // optional, see "Published objects"
 *     named: { twitter, twitter2, ..., facebook, ... } }             // optional, for tests
 * An entry of GET /identities.json (fields beyond user_token / identity_token UNCONFIRMED, taken
 * from the documented identity node): { identity_token, user_token, provider, displayName,
 * preferredUsername, profileUrl, thumbnailUrl, date_creation, date_last_update }.
 * Pull list items (ALL SHAPES UNCONFIRMED: OneAll's Pull result examples could not be read):
 *   pages (facebook)   { page_id, name, category, link, thumbnailUrl }  groups (facebook) { group_id, name, privacy, link }
 *   companies (linkedin) { company_id, name, vanity_name, link }       boards (pinterest) { board_id, name, description, url, pin_count }
 *   playlists (youtube) { playlist_id, title, description, privacy_status, item_count }
 */

const crypto = require('node:crypto');

const PROVIDERS_WITH_PUSH = ['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube'];

function sha1(seed) {
	return crypto.createHash('sha1').update(String(seed)).digest('hex');
}

/** A deterministic version-4-shaped UUID derived from a seed. */
function uuidFrom(seed) {
	const h = sha1(seed);
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic numeric string of `len` digits (first digit non-zero). */
function digitsFrom(seed, len) {
	const h = sha1(seed);
	let out = '';
	for (let i = 0; out.length < len; i++) {
		const d = parseInt(h[i % 40], 16) % 10;
		out += out.length === 0 && d === 0 ? '1' : String(d);
	}
	return out;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function youtubeIdFrom(seed, len) {
	const h = sha1(seed) + sha1(`${seed}#2`);
	let out = '';
	for (let i = 0; out.length < len; i++) out += B64URL[parseInt(h.slice(i * 2, i * 2 + 2), 16) % 64];
	return out;
}

/** OneAll's date style ("Thu, 21 Sep 2017 16:25:31 +0000"), in UTC: toUTCString()'s, with a numeric zone. */
const oneAllDate = (ms) => new Date(ms).toUTCString().replace(/GMT$/, '+0000');

const slug = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** [profileUrl, thumbnailUrl] of a provider's user; the default is Google's. */
const PROFILES = {
	twitter: (user, seed) => [`https://twitter.com/${user}`, `https://pbs.twimg.com/profile_images/${digitsFrom(`tw:${seed}`, 10)}/avatar_normal.jpg`],
	facebook: (user, seed) => {
		const id = digitsFrom(`fb:${seed}`, 15);
		return [`https://www.facebook.com/profile.php?id=${id}`, `https://graph.facebook.com/${id}/picture?type=square`];
	},
	linkedin: (user, seed) => [
		`https://www.linkedin.com/in/${slug(user)}`,
		`https://media.licdn.com/dms/image/C4E03AQ${youtubeIdFrom(`li:${seed}`, 14)}/profile-displayphoto-shrink_100_100/0/`,
	],
	pinterest: (user, seed) => {
		const h = sha1(`pi:${seed}`);
		return [`https://www.pinterest.com/${user}/`, `https://i.pinimg.com/75x75_RS/${h.slice(0, 2)}/${h.slice(2, 4)}/${h.slice(0, 32)}.jpg`];
	},
	youtube: (user, seed) => [
		`https://www.youtube.com/channel/UC${youtubeIdFrom(`yt:${seed}`, 22)}`,
		`https://yt3.ggpht.com/ytc/${youtubeIdFrom(`ytt:${seed}`, 30)}=s88-c-k-c0x00ffffff-no-rj`,
	],
	github: (user, seed) => [`https://github.com/${user}`, `https://avatars.githubusercontent.com/u/${digitsFrom(`gh:${seed}`, 8)}?v=4`],
	google: (user, seed) => [
		`https://www.google.com/profiles/${digitsFrom(`go:${seed}`, 21)}`,
		`https://lh3.googleusercontent.com/a/${youtubeIdFrom(`go:${seed}`, 26)}=s96-c`,
	],
};

// ---------------------------------------------------------------------------------------------
// Hand-written identities (oldest, so they come first with the default ascending order).
// named.twitter uses the identity token of OneAll's own documented Twitter picture example.
// ---------------------------------------------------------------------------------------------

const NAMED = [
	{ key: 'twitter', identity_token: '923843ec-1749-4cc1-988f-d6963f3b1baa', user_token: '5a9c1b7e-0c43-4c0b-9b1e-2f5d8d7c3a11', provider: 'twitter', displayName: 'OneAll Sandbox', preferredUsername: 'oneall_sandbox' },
	{ key: 'facebook', identity_token: 'c1f4a2d8-7b3e-4e59-a0c6-3d2b9f8e1a47', user_token: '0e7d3c2b-9a41-4f86-b5d2-6c1e8a9f4b30', provider: 'facebook', displayName: 'Jane Doe', preferredUsername: 'jane.doe' },
	{ key: 'linkedin', identity_token: '7d2e9b41-3c8a-4f1d-9e6b-5a0c2d8f7e13', user_token: 'b3a8f1c6-2d7e-4a95-8c0b-1e4f6d9a2c58', provider: 'linkedin', displayName: 'Priya Raman', preferredUsername: 'priya-raman' },
	{ key: 'pinterest', identity_token: '4b8f2c6e-1d9a-4e37-b5c0-8a3d7f2e6b91', user_token: 'e6c2d9a4-8b1f-4c73-9d5e-0a7b3f8c1d26', provider: 'pinterest', displayName: 'Crafty Corner', preferredUsername: 'craftycorner' },
	{ key: 'youtube', identity_token: 'a5d1e8c3-6f2b-4d94-8a7e-2c9b0f5d3e68', user_token: '2f9b4e7a-5c3d-4b18-a6e0-9d8c1b7f4a52', provider: 'youtube', displayName: 'Sandbox Channel', preferredUsername: 'sandboxchannel' },
	{ key: 'twitter2', identity_token: '1e6a9d3f-8c2b-4a57-9f4d-7b0e5c3a8d24', user_token: '5a9c1b7e-0c43-4c0b-9b1e-2f5d8d7c3a11', provider: 'twitter', displayName: 'Zoë Müller', preferredUsername: 'zoe_mueller' },
	{ key: 'facebook2', identity_token: 'f8b3c7e2-4a6d-4195-b8e3-6d1a9c4f7b05', user_token: '9c5e2a8d-3b7f-4e61-8d4a-2f6b9e1c5d73', provider: 'facebook', displayName: 'Olivier Dupont', preferredUsername: 'olivier.dupont' },
	{ key: 'youtube2', identity_token: '3c7a1f9e-5d2b-4c86-a3f1-8e6d4b2a9c17', user_token: '6d1f8b3e-7a4c-4d29-b1e5-3c9a7f2d8b64', provider: 'youtube', displayName: '山田 太郎', preferredUsername: 'yamada_taro' },
	{ key: 'twitter3', identity_token: '6f2d8a4c-9e1b-4b73-8c5a-0d7f3e9b2a86', user_token: '8a4e1c7f-2b9d-4f53-9e6c-5b0d8a3f7c19', provider: 'twitter', displayName: 'Ada "Tweets" <Lovelace> & Co', preferredUsername: 'ada_tweets' },
	{ key: 'linkedin2', identity_token: '9a3e6c1d-2f8b-4e45-b7d9-1c4a8e6f3b52', user_token: 'b3a8f1c6-2d7e-4a95-8c0b-1e4f6d9a2c58', provider: 'linkedin', displayName: 'Marco Rossi', preferredUsername: 'marco-rossi' },
	{ key: 'google', identity_token: 'd4c9f2a7-6e3b-4a18-9c5d-7f1e2b8a4c93', user_token: 'f2a6d3c9-1e8b-4d47-a5f2-4b9c6e3d1a85', provider: 'google', displayName: 'Sam Login-Only', preferredUsername: 'sam.loginonly' },
];

/** Hand-written pull lists for the named identities (shapes UNCONFIRMED, see top of file). */
const NAMED_PULL = {
	facebook: {
		pages: [
			{ page_id: '104857600123456', name: 'Sandbox Bakery', category: 'Bakery', link: 'https://www.facebook.com/sandboxbakery', thumbnailUrl: 'https://graph.facebook.com/104857600123456/picture?type=square' },
			{ page_id: '209715200654321', name: 'Jane Doe Photography', category: 'Photographer', link: 'https://www.facebook.com/janedoephoto', thumbnailUrl: 'https://graph.facebook.com/209715200654321/picture?type=square' },
			{ page_id: '314572800987654', name: 'Café Über Straße', category: 'Coffee Shop', link: 'https://www.facebook.com/cafeuber', thumbnailUrl: 'https://graph.facebook.com/314572800987654/picture?type=square' },
		],
		groups: [
			{ group_id: '419430400111222', name: 'n8n Automation Fans', privacy: 'OPEN', link: 'https://www.facebook.com/groups/419430400111222' },
			{ group_id: '524288000333444', name: 'Neighbourhood Bakers', privacy: 'CLOSED', link: 'https://www.facebook.com/groups/524288000333444' },
		],
	},
	facebook2: {
		pages: [{ page_id: '629145600555666', name: 'Dupont & Fils', category: 'Local Business', link: 'https://www.facebook.com/dupontetfils', thumbnailUrl: 'https://graph.facebook.com/629145600555666/picture?type=square' }],
		groups: [],
	},
	linkedin: {
		companies: [
			{ company_id: '2414183', name: 'Sandbox Analytics Ltd', vanity_name: 'sandbox-analytics', link: 'https://www.linkedin.com/company/sandbox-analytics/' },
			{ company_id: '18047761', name: 'Raman Consulting', vanity_name: 'raman-consulting', link: 'https://www.linkedin.com/company/raman-consulting/' },
		],
	},
	linkedin2: {
		companies: [{ company_id: '30128842', name: 'Rossi S.r.l.', vanity_name: 'rossi-srl', link: 'https://www.linkedin.com/company/rossi-srl/' }],
	},
	pinterest: {
		boards: [
			{ board_id: '549755813888001', name: 'Knitting Patterns', description: 'Free patterns I love', url: 'https://www.pinterest.com/craftycorner/knitting-patterns/', pin_count: 128 },
			{ board_id: '549755813888002', name: 'DIY Home', description: '', url: 'https://www.pinterest.com/craftycorner/diy-home/', pin_count: 47 },
			{ board_id: '549755813888003', name: 'Gift Ideas', description: 'For birthdays & holidays', url: 'https://www.pinterest.com/craftycorner/gift-ideas/', pin_count: 9 },
		],
	},
	youtube: {
		playlists: [
			{ playlist_id: 'PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS', title: 'Tutorials', description: 'How-to videos', privacy_status: 'public', item_count: 12 },
			{ playlist_id: 'PLsbxZ9y8X7w6V5u4T3s2R1q0PoNmLkJiH', title: 'Behind the scenes', description: '', privacy_status: 'unlisted', item_count: 3 },
		],
	},
	youtube2: {
		playlists: [{ playlist_id: 'PLsbxYamadaTaro0123456789abcdefghij', title: '旅行 Vlog', description: '日本各地の旅', privacy_status: 'public', item_count: 25 }],
	},
};

const FIRST = ['Alex', 'Maria', 'Chen', 'Fatima', 'Lukas', 'Aisha', 'João', 'Emma', 'Noah', 'Sofia', 'Mateo', 'Olga', 'Kenji', 'Amara', 'Liam', 'Chloé', 'Ravi', 'Ingrid', 'Tomás', 'Yuki', 'Omar', 'Hannah', 'Piotr', 'Léa', 'Kwame', 'Sara', 'Dmitri', 'Isabela', 'Arjun', 'Nora'];
const LAST = ['Smith', 'García', 'Wang', 'Khan', 'Schmidt', 'Okafor', 'Silva', 'Johnson', 'Brown', 'Rossi', 'López', 'Ivanova', 'Tanaka', 'Mensah', 'Murphy', 'Martin', 'Patel', 'Larsen', 'Fernández', 'Sato', 'Haddad', 'Weber', 'Nowak', 'Bernard', 'Boateng', 'Cohen', 'Petrov', 'Costa', 'Iyer', 'Nilsen'];
// Weighted provider cycle for the generated identities (includes login-only providers so a
// client's provider filter matters).
const CYCLE = ['twitter', 'facebook', 'twitter', 'linkedin', 'facebook', 'youtube', 'pinterest', 'twitter', 'google', 'linkedin', 'facebook', 'youtube', 'twitter', 'pinterest', 'github'];
const PAGE_CATEGORIES = ['Local Business', 'Restaurant', 'Community', 'Musician/Band', 'Product/Service', 'Nonprofit Organization', 'Shopping & Retail'];
const BOARD_NAMES = ['Recipes', 'Travel', 'Home Decor', 'Outfits', 'Gardening', 'Quotes', 'Photography', 'Wedding'];
const PLAYLIST_NAMES = ['Uploads', 'Favourites', 'Live streams', 'Shorts', 'Podcast', 'Reviews'];
const PRIVACY = ['public', 'unlisted', 'private'];

/** The pick lists of generated identity number `i` (1 to 3 entries each), null for login-only providers. */
function generatedPull(identity, i) {
	const name = identity.displayName;
	const seed = identity.identity_token;
	const n = 1 + (i % 3);
	const each = (count, make) => Array.from({ length: count }, (_, k) => make(k));
	switch (identity.provider) {
		case 'facebook': {
			const pages = each(n, (k) => {
				const id = digitsFrom(`page:${seed}:${k}`, 15);
				const category = PAGE_CATEGORIES[(i + k) % PAGE_CATEGORIES.length];
				return { page_id: id, name: `${name} ${['Shop', 'Studio', 'Fan Page'][k]}`, category, link: `https://www.facebook.com/${id}`, thumbnailUrl: `https://graph.facebook.com/${id}/picture?type=square` };
			});
			const groups = each((i % 2) + 1, (k) => {
				const id = digitsFrom(`group:${seed}:${k}`, 15);
				return { group_id: id, name: `${['Friends of', 'Club', 'Alumni of'][k % 3]} ${LAST[(i + k) % LAST.length]}`, privacy: ['OPEN', 'CLOSED', 'SECRET'][(i + k) % 3], link: `https://www.facebook.com/groups/${id}` };
			});
			return { pages, groups };
		}
		case 'linkedin':
			return {
				companies: each(n, (k) => {
					const id = String(1000000 + (parseInt(digitsFrom(`co:${seed}:${k}`, 8), 10) % 89000000));
					const cname = `${LAST[(i + k * 7) % LAST.length]} ${['Labs', 'Group', 'Partners'][k]}`;
					return { company_id: id, name: cname, vanity_name: slug(cname), link: `https://www.linkedin.com/company/${slug(cname)}/` };
				}),
			};
		case 'pinterest':
			return {
				boards: each(n + 1, (k) => {
					const bname = BOARD_NAMES[(i + k) % BOARD_NAMES.length];
					const description = k === 0 ? '' : `My ${bname.toLowerCase()} board`;
					return { board_id: digitsFrom(`board:${seed}:${k}`, 18), name: bname, description, url: `https://www.pinterest.com/${identity.preferredUsername}/${slug(bname)}/`, pin_count: (i * 7 + k * 13) % 300 };
				}),
			};
		case 'youtube':
			return {
				playlists: each(n, (k) => {
					const title = PLAYLIST_NAMES[(i + k) % PLAYLIST_NAMES.length];
					return { playlist_id: `PL${youtubeIdFrom(`pl:${seed}:${k}`, 32)}`, title, description: '', privacy_status: PRIVACY[(i + k) % 3], item_count: (i * 3 + k * 5) % 80 };
				}),
			};
		default:
			return null;
	}
}

// Published objects, for the Update API (edit / delete) and the Pull lists that read them, newest
// first; shapes UNCONFIRMED like the other Pull lists, ids like each network's. `data.objects[token]`
// holds the named identities' (hand-written first, then generated, older); the sandbox makes the
// others' with generatedObjects() on first use. Keyed by parent id: groupPosts, pagePosts,
// pagePictures, pageVideos, companyPosts, playlistVideos, reactions (by page post id).
//   tweets         { post_id, message, date_creation }            (ids: numeric, grow with time)
//   facebookPosts  { post_id, message, link?, from: { id, name }, date_creation }  (some by others)
//   groupPosts     { post_id, message, from: { id, name }, date_creation }
//   pagePosts      { post_id, message, link?, date_creation }     reactions  { user_id, name, type }
//   pagePictures   { picture_id, description }                    pageVideos { video_id, description }
//   linkedinPosts  { post_id, message, link?, date_creation }     companyPosts { post_id, message, date_creation }
//   pins           { pin_id, board_id, description, link, url, date_creation? }
//   channels       { channel_id, title, description, url, subscriber_count }
//   youtubeVideos  { video_id, title, description, privacy_status, date_creation }
//   playlistVideos { video_id, title, position }                  sections { section_id, type, title }

const NAMED_OBJECTS = {
	twitter: {
		tweets: [
			{ post_id: '1730000000000000002', message: 'Second tweet, with a typo: teh', date_creation: 'Tue, 28 Nov 2023 09:00:00 +0000' },
			{ post_id: '1730000000000000001', message: 'Hello from the OneAll sandbox', date_creation: 'Mon, 27 Nov 2023 09:00:00 +0000' },
		],
	},
	facebook: {
		pagePosts: {
			'104857600123456': [
				{ post_id: '104857600123456_7000000000002', message: 'Closed on Sunday', link: 'https://example.com/hours', date_creation: 'Tue, 28 Nov 2023 07:00:00 +0000' },
				{ post_id: '104857600123456_7000000000001', message: 'Fresh bread every morning', date_creation: 'Mon, 27 Nov 2023 07:00:00 +0000' },
			],
			'209715200654321': [{ post_id: '209715200654321_7000000000003', message: 'New portfolio online', date_creation: 'Wed, 29 Nov 2023 07:00:00 +0000' }],
		},
		pagePictures: { '104857600123456': [{ picture_id: '104857600123456_8000000000001', description: 'Croissants' }] },
		pageVideos: { '104857600123456': [{ video_id: '104857600123456_9000000000001', description: 'Oven tour' }] },
	},
	pinterest: {
		pins: [
			{ pin_id: '549755813888102', board_id: '549755813888002', description: 'Pallet shelf', link: 'https://example.com/shelf', url: 'https://www.pinterest.com/pin/549755813888102/' },
			{ pin_id: '549755813888101', board_id: '549755813888001', description: 'Cable knit scarf', link: 'https://example.com/scarf', url: 'https://www.pinterest.com/pin/549755813888101/' },
		],
	},
	youtube: {
		playlistVideos: {
			PLsbxA1b2C3d4E5f6G7h8I9j0KlMnOpQrS: [
				{ video_id: 'dQw4w9WgXcQ', title: 'Getting started', position: 0 },
				{ video_id: 'sbxVideo0002', title: 'Advanced tips', position: 1 },
			],
		},
		sections: [{ section_id: 'sbxsection-seed0001', type: 'singlePlaylist', title: 'Tutorials' }],
	},
};

// Generated texts never contain the words the tests filter the hand-written objects by.
const TWEET_TEXTS = ['Good morning, timeline', 'New blog post is up', 'Coffee first, then code', 'Thanks for 1,000 followers!', 'Weekend plans: hiking', 'Trying out a new workflow tool', 'Live from the conference hall', 'Throwback to last summer', 'Reading list for the week'];
const POST_TEXTS = ['Our new opening hours', 'Meet the team', 'Photos from the event', 'We are hiring!', 'Thank you for 500 likes', 'A short survey for our customers', 'Behind our new logo', 'Holiday greetings from all of us', 'Big news coming soon'];
const LINKEDIN_TEXTS = ['Excited to share our quarterly results', 'Five lessons from a year of remote work', 'We are looking for a data engineer', 'Proud to announce our new partner', 'Slides from my talk are online', 'What makes a good onboarding?', 'Ten years at the company today'];
const PIN_TEXTS = ['Lemon drizzle cake', 'Small balcony garden', 'Rustic table setting', 'Watercolour bookmarks', 'Weekend trip packing list', 'Linen summer dress', 'Stone wall planter'];
const VIDEO_TITLES = ['Unboxing the new camera', 'Day in the life', 'Beginner guide, part 1', 'Q&A with viewers', 'Studio tour', 'Trailer', 'Live set highlights', 'Cooking pasta at home'];
const CHANNEL_SUFFIX = ['Clips', 'Live', 'Archive', 'Music', 'Kids', 'Extra'];
const REACTIONS = ['LIKE', 'LOVE', 'HAHA', 'WOW', 'SAD', 'ANGRY', 'CARE'];
const DAY_MS = 86400000;
// Older than every hand-written object (Nov 2023), so hand-written ones stay the newest.
const SEED_NEWEST = Date.UTC(2023, 9, 31, 18, 0, 0);

const howMany = (seed) => 3 + (parseInt(sha1(`n:${seed}`).slice(0, 2), 16) % 5); // 3..7
const personName = (seed) => {
	const h = parseInt(sha1(`who:${seed}`).slice(0, 6), 16);
	return `${FIRST[h % FIRST.length]} ${LAST[Math.floor(h / FIRST.length) % LAST.length]}`;
};
/** Dates newest first, a day or more apart. */
const dateOf = (seed, k) => oneAllDate(SEED_NEWEST - k * 2 * DAY_MS - (parseInt(sha1(`d:${seed}`).slice(0, 4), 16) % DAY_MS));

/** One text per entry, none twice in a list of up to 9 (the offset comes from the list's seed). */
const textOf = (texts, entrySeed, k) => texts[(parseInt(sha1(entrySeed.slice(0, entrySeed.lastIndexOf(':'))).slice(0, 4), 16) + k) % texts.length];

/** `given` (hand-written, newest) followed by generated entries up to the seed's 3..7. */
function fill(given, seed, make) {
	const out = (given || []).slice();
	const n = howMany(seed);
	for (let k = out.length; k < n; k++) out.push(make(k, `${seed}:${k}`));
	return out;
}
function fillEach(parents, given, seed, make) {
	const out = {};
	for (const id of parents) out[id] = fill(given?.[id], `${seed}:${id}`, (k, s) => make(id, k, s));
	return out;
}

/** The identity's own Facebook user id (the one in its profile URL); own posts carry it. */
const facebookUserId = (identity) => digitsFrom(`fb:${identity.identity_token}`, 15);

/**
 * Every object list of one identity: the hand-written `given` lists kept as they are (they are
 * the newest), then generated entries, deterministic from the identity token, so each list has
 * 3 to 7 entries. `lists` are the identity's pick lists (pages, groups, ...), whose ids the
 * nested lists hang from. Login-only providers have none (null).
 */
function generatedObjects(identity, lists = {}, given = {}) {
	const t = identity.identity_token;
	const ids = (list, key) => (lists[list] || []).map((e) => String(e[key]));
	const out = { ...given };
	switch (identity.provider) {
		case 'twitter': {
			// 15 digits, below the sandbox's push ids (16 digits), so published tweets are newer.
			const top = 500000000000000 + (parseInt(digitsFrom(`twt:${t}`, 12), 10) % 300000000000000);
			out.tweets = fill(given.tweets, `tw:${t}`, (k, s) => ({ post_id: String(top - k * 7919 - (k ? parseInt(sha1(s).slice(0, 3), 16) : 0)), message: textOf(TWEET_TEXTS, s, k), date_creation: dateOf(s, k) }));
			return out;
		}
		case 'facebook': {
			const own = { id: facebookUserId(identity), name: identity.displayName };
			const post = (prefix, k, s, from) => ({ post_id: `${prefix}_${digitsFrom(`p:${s}`, 15)}`, message: textOf(POST_TEXTS, s, k), ...(from ? { from } : {}), date_creation: dateOf(s, k) });
			const friend = (s) => ({ id: digitsFrom(`friend:${s}`, 15), name: personName(s) });
			// Every third post of the timeline is by someone else (limit_own_posts leaves them out).
			out.facebookPosts = fill(given.facebookPosts, `fbp:${t}`, (k, s) => post(own.id, k, s, k % 3 === 1 ? friend(s) : own));
			out.groupPosts = fillEach(ids('groups', 'group_id'), given.groupPosts, `fbg:${t}`, (g, k, s) => post(g, k, s, k % 2 === 0 ? friend(s) : own));
			out.pagePosts = fillEach(ids('pages', 'page_id'), given.pagePosts, `fbpg:${t}`, (pg, k, s) => post(pg, k, s));
			const postIds = Object.values(out.pagePosts).flat().map((p) => p.post_id);
			out.reactions = fillEach(postIds, given.reactions, `fbr:${t}`, (p, k, s) => ({ user_id: digitsFrom(`ru:${s}`, 15), name: personName(s), type: REACTIONS[parseInt(sha1(s).slice(0, 2), 16) % REACTIONS.length] }));
			return out;
		}
		case 'linkedin': {
			const post = (k, s) => ({ post_id: `7${digitsFrom(`li:${s}`, 18)}`, message: textOf(LINKEDIN_TEXTS, s, k), date_creation: dateOf(s, k) });
			out.linkedinPosts = fill(given.linkedinPosts, `lip:${t}`, post);
			out.companyPosts = fillEach(ids('companies', 'company_id'), given.companyPosts, `lic:${t}`, (c, k, s) => post(k, s));
			return out;
		}
		case 'pinterest': {
			const boards = ids('boards', 'board_id');
			out.pins = fill(given.pins, `pin:${t}`, (k, s) => {
				const pin = digitsFrom(`pn:${s}`, 18);
				return { pin_id: pin, board_id: boards.length ? boards[k % boards.length] : null, description: textOf(PIN_TEXTS, s, k), link: `https://example.com/ideas/${pin.slice(-6)}`, url: `https://www.pinterest.com/pin/${pin}/`, date_creation: dateOf(s, k) };
			});
			return out;
		}
		case 'youtube': {
			out.channels = fill(given.channels, `ytc:${t}`, (k, s) => {
				// The first is the identity's own channel (the one in its profile URL).
				const id = `UC${youtubeIdFrom(k === 0 ? `yt:${t}` : `ch:${s}`, 22)}`;
				return { channel_id: id, title: k === 0 ? identity.displayName : `${identity.displayName} ${CHANNEL_SUFFIX[(k - 1) % CHANNEL_SUFFIX.length]}`, description: '', url: `https://www.youtube.com/channel/${id}`, subscriber_count: parseInt(sha1(s).slice(0, 4), 16) % 20000 };
			});
			out.youtubeVideos = fill(given.youtubeVideos, `ytv:${t}`, (k, s) => ({ video_id: youtubeIdFrom(`v:${s}`, 11), title: textOf(VIDEO_TITLES, s, k), description: '', privacy_status: PRIVACY[k % 3], date_creation: dateOf(s, k) }));
			out.playlistVideos = fillEach(ids('playlists', 'playlist_id'), given.playlistVideos, `ytpl:${t}`, (pl, k, s) => ({ video_id: youtubeIdFrom(`plv:${s}`, 11), title: textOf(VIDEO_TITLES, s, k), position: k }));
			return out;
		}
		default:
			return null;
	}
}

/**
 * Build a data set.
 * @param {{ total?: number }} [opts] total number of identities (>= the 11 named ones)
 */
function createData(opts = {}) {
	const total = Math.max(NAMED.length, opts.total == null ? 620 : opts.total);
	const identities = [];
	const pull = {};
	const named = {};
	const START_NAMED = Date.UTC(2014, 9, 6, 10, 26, 44);
	const START_GEN = Date.UTC(2016, 0, 4, 8, 0, 0);
	const entryOf = (fields, created, updatedAfter) => {
		const [profileUrl, thumbnailUrl] = (PROFILES[fields.provider] || PROFILES.google)(fields.preferredUsername, fields.identity_token);
		return { ...fields, profileUrl, thumbnailUrl, date_creation: oneAllDate(created), date_last_update: oneAllDate(created + updatedAfter) };
	};

	NAMED.forEach(({ key, ...fields }, i) => {
		const entry = entryOf(fields, START_NAMED + i * 37 * 86400000 + i * 3671000, 86400000 * 200);
		identities.push(entry);
		named[key] = entry;
		if (NAMED_PULL[key]) pull[entry.identity_token] = NAMED_PULL[key];
	});

	for (let i = 0; identities.length < total; i++) {
		const provider = CYCLE[i % CYCLE.length];
		const first = FIRST[i % FIRST.length];
		const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
		const preferredUsername = provider === 'linkedin' ? `${slug(first)}-${slug(last)}-${i}` : `${slug(`${first}${last}`).replace(/-/g, '')}${i}`;
		const identity_token = uuidFrom(`identity:${i}`);
		// Users with several identities: every 4th generated identity shares the previous user.
		const user_token = uuidFrom(`user:${i % 4 === 3 ? i - 1 : i}`);
		const fields = { identity_token, user_token, provider, displayName: `${first} ${last}`, preferredUsername };
		const entry = entryOf(fields, START_GEN + i * 4 * 3600000 + (i % 60) * 61000, (i % 90) * 86400000);
		identities.push(entry);
		const lists = generatedPull(entry, i);
		if (lists) pull[identity_token] = lists;
	}
	// The named identities' objects: hand-written, then generated.
	const objects = {};
	for (const [key, entry] of Object.entries(named)) {
		const all = generatedObjects(entry, pull[entry.identity_token] || {}, NAMED_OBJECTS[key] || {});
		if (all) objects[entry.identity_token] = all;
	}
	return { identities, pull, named, objects };
}

module.exports = Object.assign(createData(), { createData, generatedPull, generatedObjects, facebookUserId, oneAllDate, PROVIDERS_WITH_PUSH });
