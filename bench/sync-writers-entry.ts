/**
 * The sync benchmark's writers, in their own process: the fifty clients receive every relayed
 * edit too (49 of every 50), and that work must neither slow the server nor delay the observers
 * that time the edits. Driven by the parent over IPC:
 *
 *   start {wsBase, planId, token, writers} → ready {clients}   connect, sync, one setup edit each,
 *                                                               wait until everyone has every setup
 *   ping {t0}                              → pong {t0, at}     for the cross-process clock offset
 *   run {editsPerWriter, intervalMs, seed} → ran {stamps, clocks}
 *   flood {durationMs}                     → flooded {…}       throughput (scale suite), see `flood`
 *   digest {expected, timeoutMs}           → digests {digests, drops}
 *
 * `start` may name several servers (`wsBases`, the scale suite's processes): writer i then
 * connects to wsBases[i mod n], and `ready` lists the clients in writer order.
 *
 * `run` spreads the edits evenly: writer w edits every `intervalMs`, offset by w/writers of an
 * interval and jittered by up to ±20 % (seeded), so the server sees a steady stream of
 * writers × 1000/intervalMs edits per second rather than fifty-edit bursts.
 */
import { createPrng } from './generate-plan';
import {
	clocksOf,
	connectPeer,
	covers,
	docDigest,
	editOnce,
	prepareWriter,
	whenCovers,
	type BenchPeer,
	type ClockMark,
	type WriterTarget
} from './sync-peers';
import { epochNow, exitWithParent, tellParent, type ChildMessage } from './sync-processes';

const SYNC_TIMEOUT_MS = 20_000;

interface Writer {
	peer: BenchPeer;
	target?: WriterTarget;
}

let writers: Writer[] = [];

async function start(message: ChildMessage): Promise<void> {
	const { wsBase, wsBases = [wsBase], planId, token, count } = message as unknown as {
		wsBase: string;
		wsBases?: string[];
		planId: string;
		token: string;
		count: number;
	};
	writers = Array.from({ length: count }, (_, index) => ({
		peer: connectPeer({ wsBase: wsBases[index % wsBases.length] ?? wsBase, planId, token })
	}));
	await Promise.all(writers.map((w) => w.peer.synced));
	writers.forEach((w, index) => {
		w.target = prepareWriter(w.peer.doc, index);
	});
	const expected = writers.map((w) => [w.peer.doc.clientID, clocksOf(w.peer.doc).get(w.peer.doc.clientID) ?? 0] as const);
	await Promise.all(writers.map((w) => whenCovers(w.peer.doc, expected, SYNC_TIMEOUT_MS)));
	tellParent({ type: 'ready', clients: writers.map((w) => w.peer.doc.clientID) });
}

async function run(message: ChildMessage): Promise<void> {
	const { editsPerWriter, intervalMs, seed } = message as unknown as { editsPerWriter: number; intervalMs: number; seed: number };
	const random = createPrng(seed);
	const begin = performance.now() + 20;
	const plan: { at: number; writer: Writer; step: number }[] = [];
	writers.forEach((writer, w) => {
		for (let k = 0; k < editsPerWriter; k++) {
			const jitter = (random() - 0.5) * 0.4 * intervalMs;
			plan.push({ at: begin + ((w / writers.length + k) * intervalMs) + jitter, writer, step: k });
		}
	});
	plan.sort((a, b) => a.at - b.at);
	const stamps: ClockMark[] = [];
	for (const { at, writer, step } of plan) {
		const wait = at - performance.now();
		if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
		const { doc } = writer.peer;
		if (!writer.target) throw new Error('run before start');
		// Stamped just before the change: y-websocket sends it synchronously from the doc's update event.
		const sentAt = epochNow();
		editOnce(writer.target, step);
		stamps.push({ client: doc.clientID, clock: clocksOf(doc).get(doc.clientID) ?? 0, at: sentAt });
	}
	const clocks = writers.map((w) => [w.peer.doc.clientID, clocksOf(w.peer.doc).get(w.peer.doc.clientID) ?? 0]);
	tellParent({ type: 'ran', stamps: stamps.map((s) => [s.client, s.clock, s.at]), clocks });
}

/**
 * Throughput: every writer edits, waits for planbook's acknowledgment that the edit is stored, and
 * edits again, until `durationMs` have passed — one edit in flight per writer, as fast as the
 * server acknowledges. Replies with the edits made, when the first was made and the last
 * acknowledged (epoch ms), each edit's time to acknowledgment (ms), every writer's last clock, and
 * the CPU time this process used meanwhile (it applies every edit fifty times: is it the limit?).
 */
async function flood(message: ChildMessage): Promise<void> {
	const { durationMs } = message as unknown as { durationMs: number };
	const ackMs: number[] = [];
	const cpuBefore = process.cpuUsage();
	const startedAt = epochNow();
	const deadline = startedAt + durationMs;
	let lastAckAt = startedAt;
	await Promise.all(
		writers.map(async (writer) => {
			const { target, peer } = writer;
			if (!target) throw new Error('flood before start');
			for (let step = 0; epochNow() < deadline; step++) {
				const sentAt = epochNow();
				editOnce(target, step);
				await peer.whenSaved(SYNC_TIMEOUT_MS);
				const ackedAt = epochNow();
				lastAckAt = Math.max(lastAckAt, ackedAt);
				ackMs.push(ackedAt - sentAt);
			}
		})
	);
	const clocks = writers.map((w) => [w.peer.doc.clientID, clocksOf(w.peer.doc).get(w.peer.doc.clientID) ?? 0]);
	const cpu = process.cpuUsage(cpuBefore);
	tellParent({ type: 'flooded', edits: ackMs.length, startedAt, lastAckAt, ackMs, clocks, cpuMs: (cpu.user + cpu.system) / 1000 });
}

async function digest(message: ChildMessage): Promise<void> {
	const { expected, timeoutMs } = message as unknown as { expected: [number, number][]; timeoutMs: number };
	const deadline = Date.now() + timeoutMs;
	while (!writers.every((w) => covers(w.peer.doc, expected)) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	tellParent({
		type: 'digests',
		digests: writers.map((w) => docDigest(w.peer.doc)),
		drops: writers.reduce((sum, w) => sum + w.peer.drops(), 0)
	});
}

const HANDLERS: Record<string, (message: ChildMessage) => Promise<void> | void> = {
	start,
	run,
	flood,
	digest,
	ping: (message) => tellParent({ type: 'pong', t0: message.t0, at: epochNow() })
};

exitWithParent(() => {
	for (const w of writers) w.peer.destroy();
});
process.on('message', (message: ChildMessage) => {
	const handler = HANDLERS[message.type];
	Promise.resolve()
		.then(() => handler?.(message))
		.catch((error: unknown) => tellParent({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
tellParent({ type: 'alive' });
