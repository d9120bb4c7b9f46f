import { CHART_IDS } from '$lib/charts';

// One prerendered shell per chart, so a static host serves /embed/<chart> without a fallback.
export const entries = () => CHART_IDS.map((chart) => ({ chart }));
