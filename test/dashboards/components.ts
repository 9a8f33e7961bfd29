// The dashboards' components are browser JavaScript that Framework serves as is (no types): loaded loosely here.
type Module = Record<string, any>;

const load = (name: string): Promise<Module> => import(`../../dashboards/components/${name}.js`);

export const format = await load("format");
export const filters = await load("filters");
export const rollups = await load("rollups");
export const electoralNotice = await load("electoralNotice");
export const headline = await load("headline");
export const chartCard = await load("chartCard");
export const freshness = await load("freshness");
