/**
 * The bus between planbook processes (scale-out): each process publishes what its clients changed
 * and hears what the others' did. Delivery is best effort — Redis pub/sub drops messages while a
 * connection is down — so nothing may depend on it for durability: updates are stored before they
 * are published, and a process that missed some reads them from the store (see SharedDoc.catchUp).
 */
import type { ControlMessage } from './bus-message';

/** What a loaded plan hears from the other processes. */
export interface PlanBusListener {
	update(seq: number, update: Uint8Array): void;
	awareness(update: Uint8Array): void;
}

export interface DocBus {
	/** This process's id on the bus (messages it published come back to it and are ignored). */
	readonly processId: string;
	publishUpdate(planId: string, seq: number, update: Uint8Array): void;
	publishAwareness(planId: string, update: Uint8Array): void;
	publishControl(control: ControlMessage): void;
	/** Starts hearing a plan (when it is loaded); one listener per plan. */
	subscribePlan(planId: string, listener: PlanBusListener): void;
	unsubscribePlan(planId: string): void;
	/** Control messages from the other processes. */
	onControl(listener: (control: ControlMessage) => void): void;
	/**
	 * The bus came back after an outage, during which messages were lost: every loaded plan must
	 * catch up from the store.
	 */
	onReconnect(listener: () => void): void;
	close(): Promise<void>;
}
