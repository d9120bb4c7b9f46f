/** The list of themes for filter menus and labels. */

/** Row of `themeListSql`. */
export interface ThemeListRow {
	theme_id: string;
	name: string;
}

/** Every loaded theme id with its display name, by name. */
export function themeListSql(): string {
	return `SELECT theme_id, coalesce(name, theme_id) AS name FROM themes
WHERE theme_id IS NOT NULL ORDER BY name, theme_id`;
}
