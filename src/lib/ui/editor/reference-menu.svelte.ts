/**
 * State of the `@` / `=` reference menu of one editor: open or not, the matching candidates, the
 * highlighted one and where to draw the list (under the trigger character, from ProseMirror's
 * coordsAtPos, flipped above when there is no room below). The suggestion plugin drives it; the
 * ReferenceMenu component draws it.
 *
 * The caret stays in the editor while the menu is open (the combobox pattern on a contenteditable),
 * so the editor element carries aria-controls / aria-activedescendant pointing into the list.
 */
import type { EditorView } from '@tiptap/pm/view';
import type { ReferenceCandidate } from '$lib/state/plan-view';

/** Where the list is drawn, in viewport pixels (the list is position: fixed). */
export interface MenuPosition {
	left: number;
	top: number | null;
	bottom: number | null;
}

/** What the suggestion plugin hands over on start and on each keystroke. */
export interface MenuRequest {
	view: EditorView;
	from: number;
	query: string;
	items: readonly ReferenceCandidate[];
	choose: (candidate: ReferenceCandidate) => void;
}

/** Room the list needs below the caret before it flips above (8 rows and the help line). */
const ROOM_BELOW = 320;

export class ReferenceMenuState {
	readonly id: string;
	#open = $state(false);
	#items = $state.raw<readonly ReferenceCandidate[]>([]);
	#active = $state(0);
	#query = $state('');
	#position = $state.raw<MenuPosition>({ left: 0, top: 0, bottom: null });
	#request: MenuRequest | null = null;

	/** @param id base id of the list element (unique on the page) */
	constructor(id: string) {
		this.id = id;
	}

	get open(): boolean {
		return this.#open;
	}
	get items(): readonly ReferenceCandidate[] {
		return this.#items;
	}
	get active(): number {
		return this.#active;
	}
	get query(): string {
		return this.#query;
	}
	get position(): MenuPosition {
		return this.#position;
	}

	/** Id of an option element, for aria-activedescendant. */
	optionId(index: number): string {
		return `${this.id}-option-${index}`;
	}

	/** Opens the menu or updates it after a keystroke. */
	show(request: MenuRequest): void {
		const sameQuery = this.#open && request.query === this.#query;
		this.#request = request;
		this.#items = request.items;
		this.#query = request.query;
		if (!sameQuery || this.#active >= request.items.length) this.#active = 0;
		this.#open = true;
		this.reposition();
		this.#syncAria();
	}

	hide(): void {
		const view = this.#request?.view;
		this.#open = false;
		this.#request = null;
		if (view) {
			view.dom.removeAttribute('aria-controls');
			view.dom.removeAttribute('aria-activedescendant');
		}
	}

	/** Handles a key while the menu is open; true when the key was the menu's. */
	key(event: KeyboardEvent): boolean {
		if (!this.#open) return false;
		const count = this.#items.length;
		switch (event.key) {
			case 'ArrowDown':
				if (count > 0) this.#active = (this.#active + 1) % count;
				break;
			case 'ArrowUp':
				if (count > 0) this.#active = (this.#active - 1 + count) % count;
				break;
			case 'Enter':
			case 'Tab':
				// With nothing to insert, Enter is an ordinary new line.
				if (count === 0) return false;
				this.choose(this.#active);
				return true;
			case 'Escape':
				this.hide();
				return true;
			default:
				return false;
		}
		this.#syncAria();
		return true;
	}

	/** Inserts the candidate at `index`. */
	choose(index: number): void {
		const candidate = this.#items[index];
		const request = this.#request;
		if (!candidate || !request) return;
		request.choose(candidate);
	}

	/** Highlights an option (pointer hover). */
	highlight(index: number): void {
		if (index >= 0 && index < this.#items.length) this.#active = index;
		this.#syncAria();
	}

	/** Places the list under (or above) the trigger; call on scroll and resize while open. */
	reposition(): void {
		const request = this.#request;
		if (!request) return;
		let coords: { left: number; top: number; bottom: number };
		try {
			coords = request.view.coordsAtPos(Math.min(request.from, request.view.state.doc.content.size));
		} catch {
			return;
		}
		const below = window.innerHeight - coords.bottom >= ROOM_BELOW || coords.top < ROOM_BELOW;
		const left = Math.max(8, Math.min(coords.left, window.innerWidth - 320));
		this.#position = below
			? { left, top: coords.bottom + 4, bottom: null }
			: { left, top: null, bottom: window.innerHeight - coords.top + 4 };
	}

	#syncAria(): void {
		const dom = this.#request?.view.dom;
		if (!dom) return;
		dom.setAttribute('aria-controls', this.id);
		if (this.#items.length > 0) dom.setAttribute('aria-activedescendant', this.optionId(this.#active));
		else dom.removeAttribute('aria-activedescendant');
	}
}
