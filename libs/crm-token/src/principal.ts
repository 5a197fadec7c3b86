/**
 * The principal the connector names in tokens that act for no single CRM user (listing the users
 * enabled for sync). Only the connector's signing key can produce such a token.
 */
export const CONNECTOR_PRINCIPAL = '@connector';
