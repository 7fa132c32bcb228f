/** HubSpot's object model as the transfer relies on it: objects, property kinds, standard properties, associations. */
export * from './associations.js';
export * from './property-kinds.js';
export * from './standard-properties.js';
