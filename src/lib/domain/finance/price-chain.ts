/**
 * Price chain (DESIGN §5.1): tiers are listed maker → consumer, so we walk back from the consumer
 * price. A markup tier sells at purchase × (1 + rate); a margin tier keeps `rate` of its selling
 * price. Rebates are paid by the maker on each tier's purchase price and reduce the net price.
 */
import type { PriceTier } from './types.js';

export interface ChainStep {
	tier: string;
	/** What this tier sells at. */
	sellingPrice: number;
	/** What this tier pays the tier before it (or the maker). */
	purchasePrice: number;
	/** The maker's rebate to this tier, per unit. */
	rebateAmount: number;
}

export interface PriceChainResult {
	steps: ChainStep[];
	ex_factory: number;
	net_price: number;
}

export function purchasePriceOf(tier: PriceTier, sellingPrice: number): number {
	return tier.basis === 'markup' ? sellingPrice / (1 + tier.rate) : sellingPrice * (1 - tier.rate);
}

export function walkPriceChain(price: number, chain: readonly PriceTier[]): PriceChainResult {
	const steps: ChainStep[] = [];
	let selling = price;
	for (let i = chain.length - 1; i >= 0; i--) {
		const tier = chain[i] as PriceTier;
		const purchase = purchasePriceOf(tier, selling);
		steps.unshift({
			tier: tier.tier,
			sellingPrice: selling,
			purchasePrice: purchase,
			rebateAmount: (tier.rebate ?? 0) * purchase
		});
		selling = purchase;
	}
	const exFactory = selling;
	let rebates = 0;
	for (const s of steps) rebates += s.rebateAmount;
	return { steps, ex_factory: exFactory, net_price: exFactory - rebates };
}

/**
 * net_price / price: a constant for a given chain, because every step is a multiplication. The
 * optimiser's closed-form check and fast Monte Carlo paths use it.
 */
export function netPriceFactor(chain: readonly PriceTier[]): number {
	return walkPriceChain(1, chain).net_price;
}
