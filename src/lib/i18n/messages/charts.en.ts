/** Chart titles, axes, legends and data-table captions of the simulation views. */
export const chartsEn = {
	'charts.showTable': 'Show data as table'
} satisfies Record<string, string>;
