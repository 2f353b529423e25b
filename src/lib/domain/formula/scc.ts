/**
 * Tarjan's strongly connected components, iterative so a 100,000-long chain cannot overflow the
 * stack. Following `depsOf` edges (node → what it reads), components come out dependencies first,
 * which is exactly evaluation order; a component of more than one node, or one node reading itself,
 * is a cycle.
 */
export function stronglyConnected(
	nodes: Iterable<string>,
	depsOf: (node: string) => Iterable<string>,
	inScope: (node: string) => boolean
): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const out: string[][] = [];
	let counter = 0;

	type Frame = { node: string; it: Iterator<string> };
	for (const root of nodes) {
		if (index.has(root)) continue;
		const frames: Frame[] = [];
		const enter = (node: string) => {
			index.set(node, counter);
			low.set(node, counter);
			counter++;
			stack.push(node);
			onStack.add(node);
			frames.push({ node, it: depsOf(node)[Symbol.iterator]() });
		};
		enter(root);
		while (frames.length > 0) {
			const frame = frames[frames.length - 1] as Frame;
			const step = frame.it.next();
			if (!step.done) {
				const dep = step.value;
				if (!inScope(dep)) continue;
				if (!index.has(dep)) enter(dep);
				else if (onStack.has(dep)) {
					low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(dep) as number));
				}
				continue;
			}
			frames.pop();
			const parent = frames[frames.length - 1];
			if (parent) {
				low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
			}
			if (low.get(frame.node) === index.get(frame.node)) {
				const component: string[] = [];
				let member: string;
				do {
					member = stack.pop() as string;
					onStack.delete(member);
					component.push(member);
				} while (member !== frame.node);
				out.push(component);
			}
		}
	}
	return out;
}
