/** The bundled sample dataset, served from the app's own origin (Vite copies the files). */
import meetings from '../../../data/meetings.csv?url';
import themes from '../../../data/themes.csv?url';
import outcomes from '../../../data/outcomes.csv?url';
import attendance from '../../../data/attendance.csv?url';

/** Sample files in load order, with the names shown in the dataset badge. */
export const SAMPLE_FILES = [
	{ name: 'meetings.csv', url: meetings },
	{ name: 'themes.csv', url: themes },
	{ name: 'outcomes.csv', url: outcomes },
	{ name: 'attendance.csv', url: attendance }
];
