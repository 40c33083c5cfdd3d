/**
 * The IKEv1 engine (RFC 2409), both roles, as plain Java: fed datagrams, a clock and a random source;
 * it returns datagrams to send and {@link io.portcullis.ike.exchange.IkeEvent}s. Phase 1 state and
 * keys are {@link io.portcullis.ike.exchange.Phase1} (authentication methods behind
 * {@link io.portcullis.ike.exchange.Phase1Auth}), Quick Mode keying is
 * {@link io.portcullis.ike.exchange.Phase2}; the exchanges on top are small state machines.
 *
 * <p>Flow (DESIGN.md, data flow 3): {@link io.portcullis.ike.exchange.IkeEngine#process} →
 * fragment reassembly → retransmission cache → by cookies and message ID to
 * {@link io.portcullis.ike.exchange.MainMode} (proposal selection, DH, peer
 * authentication through {@link io.portcullis.ike.exchange.auth.PeerAuthenticator}),
 * {@link io.portcullis.ike.exchange.QuickModeResponder} (ESP proposal, traffic selectors vs the
 * peer's RFC 3779 subnets and the protected subnets, KEYMAT →
 * {@link io.portcullis.ike.exchange.ChildSaEstablished}), or the Informational handler (DPD,
 * DELETE, INITIAL-CONTACT). {@link io.portcullis.ike.exchange.IkeEngine#deletePeer} tears a
 * peer down (revocation). What the gateway initiates itself is driven by its timers:
 * {@link io.portcullis.ike.exchange.IkeEngine#rekeyDue} starts a
 * {@link io.portcullis.ike.exchange.QuickModeRekeyInitiator} for a pair past its soft lifetime, and
 * {@link io.portcullis.ike.exchange.IkeEngine#detectDeadPeers} sends R-U-THERE and tears down peers
 * that stop answering. Sub-packages: {@code policy} (what is acceptable), {@code auth}
 * (who the peer is).
 */
package io.portcullis.ike.exchange;
