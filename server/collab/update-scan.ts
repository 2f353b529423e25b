/**
 * A bounded walk over a client's Yjs update (format v1, the one y-websocket sends) before Yjs
 * decodes or applies it.
 *
 * Why: a Yjs update is run-length and count encoded, so a few crafted bytes can claim millions of
 * structs, clients or deleted ranges, or clocks past 2^53 (yjs issue #687 and PR #688: Yjs itself
 * trusts these numbers). In v1 every struct costs bytes, so decoding always ends, but it can still
 * make a 10 MiB frame into millions of objects and seconds of work, and what it stores can balloon
 * or poison the plan: 500k fake clients in 3.5 MB cost 330 MB and 1.6 s to apply, and leave a 2 MB
 * state vector that every later acknowledgment carries; a clock past 2^53 is no longer exact, so
 * the stored plan stops decoding. This walk reads the same bytes without building anything and
 * refuses, as soon as a count passes its limit, updates that:
 * - declare or hold more structs, clients or deleted ranges than `UpdateLimits` allow;
 * - reach a clock (struct, reference or deleted range) beyond `maxClock` (2^40: a person typing
 *   all day for a century stays below 2^34);
 * - name more root types than any planbook doc has (each new name is a new type in the doc);
 * - carry zero-length structs (two structs with one id), a client twice, unknown struct or content
 *   kinds, or bytes after the delete set — none of which Yjs' own encoder writes;
 * - hold a subdocument (each becomes a whole Y.Doc on the server; plans have none).
 * The real Yjs decoder (update-check.ts) runs afterwards, on an update now known to be bounded.
 */
import * as decoding from 'lib0/decoding';
import { MalformedMessageError } from './messages';

export interface UpdateLimits {
	/** Structs (items, GC and skip ranges) in one update. */
	maxStructs: number;
	/** Client ids in one update's structs, and again in its delete set. */
	maxClients: number;
	/** Deleted ranges in one update's delete set. */
	maxDeleteRanges: number;
	/** Highest clock any struct, reference or deleted range may reach. */
	maxClock: number;
	/** Distinct root types one update may name. */
	maxRootTypes: number;
}

/**
 * Limits for updates of at most `maxFrameBytes`. Real plans spend ~50 bytes per struct (a grown
 * 2 MB plan holds 39k structs and 2.9k deleted ranges, bench/load-content.ts); the limits allow
 * one per 16 bytes, so only a frame of near-empty structs reaches them.
 */
export function updateLimitsFor(maxFrameBytes: number): UpdateLimits {
	const perFrame = Math.max(10_000, Math.ceil(maxFrameBytes / 16));
	return { maxStructs: perFrame, maxClients: 10_000, maxDeleteRanges: perFrame, maxClock: 2 ** 40, maxRootTypes: 64 };
}

/** Struct info byte (Yjs v1): bits 0–4 the content kind, 6 parentSub, 7 right origin, 8 origin. */
const CONTENT_BITS = 0x1f;
const HAS_PARENT_SUB = 0x20;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_ORIGIN = 0x80;
const GC_INFO = 0;
const SKIP_INFO = 10;
/** Yjs type refs (ContentType): 3 XmlElement and 5 XmlHook carry a name. */
const TYPE_REF_COUNT = 7;
const NAMED_TYPE_REFS = new Set([3, 5]);

/** Throws MalformedMessageError, saying which bound the update broke, or returns. */
export function scanUpdate(update: Uint8Array, limits: UpdateLimits): void {
	new UpdateScan(update, limits).run();
}

class UpdateScan {
	readonly #decoder: decoding.Decoder;
	readonly #limits: UpdateLimits;
	readonly #roots = new Set<string>();
	#structs = 0;

	constructor(update: Uint8Array, limits: UpdateLimits) {
		this.#decoder = decoding.createDecoder(update);
		this.#limits = limits;
	}

	run(): void {
		this.#structGroups();
		this.#deleteSet();
		if (decoding.hasContent(this.#decoder)) throw refusal('bytes after the delete set');
	}

	#structGroups(): void {
		const seen = new Set<number>();
		const groups = this.#count('clients', this.#limits.maxClients);
		for (let group = 0; group < groups; group++) {
			const structs = this.#count('structs', this.#limits.maxStructs - this.#structs);
			this.#structs += structs;
			const client = this.#uint('client id');
			if (seen.has(client)) throw refusal(`client ${client} appears twice`);
			seen.add(client);
			let clock = this.#clock(this.#uint('clock'));
			for (let index = 0; index < structs; index++) clock = this.#clock(clock + this.#struct());
		}
	}

	/** Reads one struct; returns its length (how far it advances its client's clock). */
	#struct(): number {
		const info = this.#read(() => decoding.readUint8(this.#decoder), 'struct info');
		if (info === GC_INFO || info === SKIP_INFO) return this.#length(this.#uint('range length'));
		if ((info & CONTENT_BITS) === GC_INFO || (info & CONTENT_BITS) === SKIP_INFO) throw refusal(`struct info ${info} is not written by Yjs`);
		if ((info & HAS_ORIGIN) !== 0) this.#id();
		if ((info & HAS_RIGHT_ORIGIN) !== 0) this.#id();
		if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
			// Without origins the parent is written: a root type's name, or the id of the item holding it.
			if (this.#uint('parent kind') === 1) this.#root(this.#string('root type name'));
			else this.#id();
			if ((info & HAS_PARENT_SUB) !== 0) this.#string('map key');
		}
		return this.#length(this.#content(info & CONTENT_BITS));
	}

	/** Reads an item's content (Yjs' readItemContent, v1); returns its length. */
	#content(kind: number): number {
		switch (kind) {
			case 1: // deleted
				return this.#uint('deleted length');
			case 2: {
				// JSON (legacy): a count, then that many strings.
				const count = this.#uint('JSON count');
				for (let index = 0; index < count; index++) this.#string('JSON value');
				return count;
			}
			case 3: // binary
				this.#read(() => decoding.readVarUint8Array(this.#decoder), 'binary content');
				return 1;
			case 4: // string: its length in UTF-16 units, as Yjs counts it
				return this.#string('string content').length;
			case 5: // embed
				this.#string('embed');
				return 1;
			case 6: // format
				this.#string('format key');
				this.#string('format value');
				return 1;
			case 7: {
				const typeRef = this.#uint('type ref');
				if (typeRef >= TYPE_REF_COUNT) throw refusal(`unknown type ref ${typeRef}`);
				if (NAMED_TYPE_REFS.has(typeRef)) this.#string('type name');
				return 1;
			}
			case 8: {
				const count = this.#uint('value count');
				for (let index = 0; index < count; index++) this.#read(() => decoding.readAny(this.#decoder), 'value');
				return count;
			}
			case 9:
				// A subdocument becomes a whole Y.Doc on the server per struct; plans have none.
				throw refusal('subdocuments are not part of a plan');
			default:
				throw refusal(`unknown content kind ${kind}`);
		}
	}

	#deleteSet(): void {
		const clients = this.#count('deleted clients', this.#limits.maxClients);
		let ranges = 0;
		for (let index = 0; index < clients; index++) {
			this.#uint('deleted client id');
			const count = this.#count('deleted ranges', this.#limits.maxDeleteRanges - ranges);
			ranges += count;
			for (let range = 0; range < count; range++) {
				const clock = this.#uint('deleted clock');
				this.#clock(clock + this.#length(this.#uint('deleted length')));
			}
		}
	}

	#root(name: string): void {
		this.#roots.add(name);
		if (this.#roots.size > this.#limits.maxRootTypes) throw refusal(`more than ${this.#limits.maxRootTypes} root types`);
	}

	#id(): void {
		this.#uint('id client');
		this.#clock(this.#uint('id clock'));
	}

	/** A declared count, refused before anything is read when it exceeds what is left of its limit. */
	#count(what: string, left: number): number {
		const count = this.#uint(`number of ${what}`);
		if (count > left) throw refusal(`too many ${what} (${count} declared, ${Math.max(0, left)} allowed)`);
		return count;
	}

	#clock(clock: number): number {
		if (clock > this.#limits.maxClock) throw refusal(`clock ${clock} is beyond ${this.#limits.maxClock}`);
		return clock;
	}

	#length(length: number): number {
		if (length === 0) throw refusal('a struct or range of length 0');
		return length;
	}

	#uint(what: string): number {
		return this.#read(() => decoding.readVarUint(this.#decoder), what);
	}

	#string(what: string): string {
		return this.#read(() => decoding.readVarString(this.#decoder), what);
	}

	/** Runs a lib0 read; its errors (end of data, integer overflow, stack overflow) become refusals. */
	#read<T>(reader: () => T, what: string): T {
		if (!decoding.hasContent(this.#decoder)) throw refusal(`${what} is missing (the update ends early)`);
		try {
			return reader();
		} catch (error) {
			throw refusal(`${what} does not decode (${error instanceof Error ? error.message : String(error)})`);
		}
	}
}

function refusal(why: string): MalformedMessageError {
	return new MalformedMessageError(`update refused: ${why}`);
}
