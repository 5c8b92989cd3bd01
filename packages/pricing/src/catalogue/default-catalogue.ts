import { ModelCatalogue } from './model-catalogue.js';

/**
 * The process-wide catalogue the module-level functions use when no catalogue is passed. Creating it reads nothing;
 * the bundled data is loaded and validated on the first lookup.
 */
export const defaultCatalogue = new ModelCatalogue();
