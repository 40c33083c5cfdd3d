/**
 * Responder policy and the pure decisions made from it: Phase 1 and Phase 2 proposal
 * selection, the IKEv1 ↔ {@code esp.EspTransform} mapping, lifetimes, traffic selectors.
 */
package io.portcullis.ike.exchange.policy;
