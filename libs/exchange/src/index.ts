export * from './exchange.port.js';
export * from './ews-gateway.config.js';
export * from './errors/exchange-error-codes.js';
export * from './errors/exchange.error.js';
export { EwsGateway, createEwsGateway } from './ews-gateway.adapter.js';
export { initialListing, type ListingResult } from './sync/initial-listing.js';
